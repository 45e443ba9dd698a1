# shellcheck shell=bash
# shellcheck disable=SC2016 # the single-quoted `bash -c` checks get their values as "$1", "$2"
# Runs the built image as a deployment would (aws mode, OIDC sign-in, IVS at IVS_ENDPOINT, here a
# local emulator) and checks it. Sourced by scripts/container-check.sh, which defines IMAGE, NAME,
# WORK, ALLOWED_ORIGIN, step/pass/fail/check/die and EMULATOR_PID.

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

wait_for() {
  local url="$1" what="$2"
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    [[ "$(podman inspect --format '{{.State.Running}}' "$NAME" 2>/dev/null)" == true ]] || {
      podman logs "$NAME" 2>&1 | tail -20 >&2
      die "$what exited before answering $url"
    }
    sleep 0.5
  done
  die "$what did not answer $url within 60 s"
}

# The image's own HEALTHCHECK command, run in the container with extra podman exec options.
healthcheck_cmd() {
  local -a argv
  mapfile -t argv < <(podman image inspect --format '{{json .Config.Healthcheck.Test}}' "$IMAGE" | node -e '
    const [kind, ...args] = JSON.parse(require("fs").readFileSync(0, "utf8"));
    for (const a of kind === "CMD-SHELL" ? ["/bin/sh", "-c", ...args] : args) console.log(a);')
  podman exec "$@" "$NAME" "${argv[@]}"
}
healthcheck_fails_without_server() { ! healthcheck_cmd -e PORT=1; }

# A command in a throwaway container of the image, as root (podman's complaints about systemd timers
# for the HEALTHCHECK, which this VM has no systemd for, go to /dev/null).
in_image() { podman run --rm --user root --entrypoint "$1" "$IMAGE" "${@:2}" 2>/dev/null; }

header_has() { grep -qi -- "^$1:.*$2" "$WORK/login.headers"; }

run_checks() {
  step "Image"
  local size
  size="$(podman image inspect --format '{{.Size}}' "$IMAGE")"
  pass "size $((size / 1000000)) MB (the stand-in base: $(($(podman image inspect --format '{{.Size}}' "$BASE_IMAGE") / 1000000)) MB)"
  check "the user is nextjs" test "$(podman image inspect --format '{{.Config.User}}' "$IMAGE")" = nextjs
  check "it has a HEALTHCHECK" test -n "$(podman image inspect --format '{{.Config.Healthcheck}}' "$IMAGE" | grep -v '<nil>')"
  local files
  files="$(in_image /bin/sh -c 'ls -A /app /usr/local/etc; ls -d /npm-cache/_cacache 2>/dev/null; grep -rlF "Local IVS listening" /app; find / -xdev -name segment.mpegts; true')"
  check "the emulator is not in the image" bash -c '! grep -qE "^emulator$|Local IVS|segment.mpegts|^/app/" <<<"$1"' _ "$files"
  check "nothing of the build's npm configuration or cache is left" bash -c '! grep -qE "npmrc|npm-build-ca|_cacache" <<<"$1"' _ "$files"
  check "the SERVER_ACTIONS_ALLOWED_ORIGINS build arg reached the server's config" \
    in_image /bin/grep -qF "$ALLOWED_ORIGIN" /app/server.js

  step "Run: aws mode, OIDC sign-in, IVS_ENDPOINT at a local emulator"
  local emulator_port port
  emulator_port="$(free_port)"
  port="$(free_port)"
  [[ -x "$ROOT/node_modules/.bin/tsx" ]] || die "node_modules/.bin/tsx is missing (run npm ci): the emulator runs on the host"
  "$ROOT/node_modules/.bin/tsx" "$ROOT/emulator/cli.ts" --port "$emulator_port" --seed 5 >"$WORK/emulator.log" 2>&1 &
  # shellcheck disable=SC2034 # read by container-check.sh's cleanup
  EMULATOR_PID=$!
  # Host networking: the container reaches the emulator on 127.0.0.1; PORT moves the server off 3000,
  # which also shows the HEALTHCHECK follows PORT.
  podman run -d --name "$NAME" --network host \
    -e PORT="$port" -e AWS_REGION=us-west-2 -e IVS_ENDPOINT="http://127.0.0.1:$emulator_port" \
    -e CLOUDWATCH_ENDPOINT="http://127.0.0.1:$emulator_port" \
    -e AWS_ACCESS_KEY_ID=test -e AWS_SECRET_ACCESS_KEY=test \
    -e AUTH_SECRET="$(head -c 33 /dev/urandom | base64)" -e AUTH_URL="http://127.0.0.1:$port" \
    -e AUTH_OIDC_ISSUER=https://login.example.com/ -e AUTH_OIDC_ID=ivs-console -e AUTH_OIDC_SECRET=not-a-secret \
    -e ROLE_ADMIN_EMAILS=admin@example.com \
    "$IMAGE" >/dev/null 2>"$WORK/run.err" || { cat "$WORK/run.err" >&2; die "podman run failed"; }
  local base="http://127.0.0.1:$port"
  wait_for "$base/api/health" "the container"
  pass "answering on $base"

  check "the server runs as uid 1001 (nextjs)" bash -c '[[ "$(podman exec "$1" id -u)" == 1001 ]] && grep -qE "^Uid:\s+1001\s" <(podman exec "$1" cat /proc/1/status)' _ "$NAME"
  local health
  health="$(curl -fsS "$base/api/health" || true)"
  check "GET /api/health: 200, aws mode, IVS reachable ($health)" grep -q '"mode":"aws".*"ivs":"reachable"' <<<"$health"
  # Healthy as Docker judges it: a probe may miss its 5 s on a busy machine (a fresh node process
  # and a fetch; seen once with both cores loaded), and only --retries=3 misses in a row count.
  check "podman healthcheck run: healthy (within the HEALTHCHECK's 3 tries)" bash -c \
    'for try in 1 2 3; do podman healthcheck run "$1" >/dev/null 2>&1 && break; done
     [[ "$(podman inspect --format "{{.State.Health.Status}}" "$1")" == healthy ]]' _ "$NAME"
  check "the HEALTHCHECK command fails when nothing answers (PORT=1)" healthcheck_fails_without_server
  check "the audit log directory /app/.data is writable by nextjs" podman exec "$NAME" sh -c 'touch /app/.data/.probe && rm /app/.data/.probe'

  curl -sS -D "$WORK/login.headers" -o "$WORK/login.html" "$base/login" || true
  local nonce
  nonce="$(grep -io "^content-security-policy:.*" "$WORK/login.headers" | grep -o "'nonce-[^']*'" | head -1 | tr -d "'" | cut -c7-)"
  check "GET /login: 200" grep -q '^HTTP/1.1 200' "$WORK/login.headers"
  check "/login offers the OIDC sign-in" grep -q 'Single sign-on' "$WORK/login.html"
  check "/login: CSP with a nonce and strict-dynamic, no unsafe-inline scripts" \
    bash -c 'grep -i "^content-security-policy:" "$1" | grep -q "strict-dynamic" && ! grep -i "^content-security-policy:" "$1" | grep -qE "script-src[^;]*unsafe-inline"' _ "$WORK/login.headers"
  check "/login: its scripts carry that nonce" bash -c '[[ -n "$1" ]] && grep -qF "nonce=\"$1\"" "$2"' _ "$nonce" "$WORK/login.html"
  check "/login: X-Frame-Options DENY" header_has x-frame-options DENY
  check "/login: X-Content-Type-Options nosniff" header_has x-content-type-options nosniff
  check "/login: Referrer-Policy" header_has referrer-policy strict-origin-when-cross-origin
  check "/login: Permissions-Policy" header_has permissions-policy 'camera=()'
  check "/login: no X-Powered-By" bash -c '! grep -qi "^x-powered-by" "$1"' _ "$WORK/login.headers"
  local script
  script="$(grep -o '/_next/static/chunks/[^"]*\.js' "$WORK/login.html" | head -1)"
  check "static assets are served ($script)" curl -fsS -o /dev/null "$base$script"
  check "public/ is served (robots.txt)" curl -fsS -o /dev/null "$base/robots.txt"

  check "no errors in the server log" bash -c '! podman logs "$1" 2>&1 | grep -E "^(Error|⨯)|Invalid environment"' _ "$NAME"

  # proxy.ts refuses a server action whose Origin is neither the Host nor an allowed origin (403) before
  # Next looks the action up; a well-formed unknown action id (42 hex digits) behind an allowed origin
  # gets 404/409 "Server Action unavailable".
  server_action_status() {
    curl -sS -o /dev/null -w '%{http_code}' -X POST "$base/login" -H "Origin: $1" \
      -H "Next-Action: 7f$(printf '0%.0s' {1..40})" -H 'Content-Type: text/plain;charset=UTF-8' --data '[]'
  }
  local allowed other
  allowed="$(server_action_status "https://$ALLOWED_ORIGIN")"
  other="$(server_action_status https://elsewhere.example.com)"
  check "server actions from https://$ALLOWED_ORIGIN pass the origin check (HTTP $allowed)" test "$allowed" = 404 -o "$allowed" = 409
  check "server actions from another origin are refused (HTTP $other)" test "$other" = 403

  step "Stop"
  podman stop --time 10 "$NAME" >/dev/null 2>&1 || true
  local code
  code="$(podman inspect --format '{{.State.ExitCode}}' "$NAME")"
  check "SIGTERM ends the server (exit $code; 137 would mean it had to be killed)" test "$code" != 137
}
