// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { contentSecurityPolicy } = require('./lib/security/csp');

const dev = process.env.NODE_ENV !== 'production';

// The policy lives in lib/security/csp.js. This one, without a nonce (so no inline script runs), is
// for what proxy.ts gives none: API routes, RSC payloads, files. Each HTML page gets its own policy
// with a fresh nonce from proxy.ts, which replaces this header.
const csp = contentSecurityPolicy({ dev });

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self), picture-in-picture=(self)',
  },
  // Strict-Transport-Security is added by proxy.ts, and only when the request arrived over https.
];

const allowedOrigins = (process.env.SERVER_ACTIONS_ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  // PGlite (the embedded store) and HashiCorp's HCL parser (the compare of a Terraform export) load
  // their wasm next to their own module at run time: left unbundled they find it in node_modules, and
  // the standalone trace copies it there.
  serverExternalPackages: ['@electric-sql/pglite', '@cdktf/hcl2json'],
  experimental: {
    // forbidden() (lib/auth/session.ts requireUser): a refused page answers 403 with the console's
    // app/(console)/forbidden.tsx, rather than redirecting to a page that answers 200.
    authInterrupts: true,
    // Behind a reverse proxy that changes the Host, list the public origin(s) here (read at build time).
    serverActions: allowedOrigins.length ? { allowedOrigins } : {},
  },
  // The same list, built into proxy.ts, which refuses other origins with a 403 before Next's own check
  // (a 500): the image is built with it as a build argument and does not have it at run time.
  env: { BUILT_SERVER_ACTIONS_ALLOWED_ORIGINS: allowedOrigins.join(',') },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = nextConfig;
