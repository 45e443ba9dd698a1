# syntax=docker/dockerfile:1
# The console for real AWS (IVS_MODE=aws): the local IVS emulator is not in this image.
# Build: docker build -t ivs-console .   (podman/buildah: add --format docker, or the HEALTHCHECK is
#        dropped: OCI-format images have none.) npm run test:container builds and checks it with podman.
# Run:   docker run -p 3000:3000 -e AWS_REGION=us-west-2 -e AUTH_SECRET=... -e AUTH_URL=https://console.example.com \
#          -e AUTH_OIDC_ISSUER=... -e AUTH_OIDC_ID=... -e AUTH_OIDC_SECRET=... ivs-console
# Credentials come from the standard AWS chain (task role, instance profile, or AWS_* variables).

ARG NODE_IMAGE=node:24-slim

# ---- dependencies: cached until package-lock.json changes ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# npm can end a failed install with "Exit handler never called!" and status 0; stop here, not at a
# puzzling "next: not found" in the build stage.
RUN npm ci --no-audit --no-fund && test -x node_modules/.bin/next

# ---- build: next build with output 'standalone' ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# next.config.js reads this at build time: --build-arg SERVER_ACTIONS_ALLOWED_ORIGINS=console.example.com
ARG SERVER_ACTIONS_ALLOWED_ORIGINS=""
ENV NEXT_TELEMETRY_DISABLED=1 SERVER_ACTIONS_ALLOWED_ORIGINS=${SERVER_ACTIONS_ALLOWED_ORIGINS}
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# ---- runner: only the standalone server, its static assets and public/ ----
FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    NEXT_TELEMETRY_DISABLED=1 \
    IVS_MODE=aws \
    DATA_DIR=/app/.data
RUN groupadd --system --gid 1001 nodejs \
 && useradd --system --uid 1001 --gid nodejs --no-create-home nextjs \
 && mkdir -p /app/.data \
 && chown nextjs:nodejs /app/.data
COPY --from=build --chown=nextjs:nodejs /app/public ./public
COPY --from=build --chown=nextjs:nodejs /app/.next/standalone ./
COPY --from=build --chown=nextjs:nodejs /app/.next/static ./.next/static
USER nextjs
# The JSONL audit log lives here; mount a volume, or set DATABASE_URL to keep it in PostgreSQL.
VOLUME ["/app/.data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The flags and MALLOC_ARENA_MAX that keep the console's memory down, as `npm start` runs it
# (scripts/node-flags.mjs says why; scripts/node-flags.test.ts keeps the two the same).
ENV MALLOC_ARENA_MAX=2
CMD ["node", "--liftoff-only", "--max-semi-space-size=8", "--heap-growing-percent=20", "server.js"]
