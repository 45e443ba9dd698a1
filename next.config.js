// @ts-check

const dev = process.env.NODE_ENV !== 'production';

// Next's own inline bootstrap scripts need 'unsafe-inline' without a per-request nonce; everything
// else is locked to this origin. IVS playback (player, manifests, segments) is served from
// *.live-video.net. form-action allows https so a no-JS sign-in form can redirect to the identity provider.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''} https://*.live-video.net`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  `connect-src 'self' https://*.live-video.net wss://*.live-video.net${dev ? ' ws: http://localhost:* http://127.0.0.1:*' : ''}`,
  "media-src 'self' blob: https://*.live-video.net",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self' https:",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self), picture-in-picture=(self)' },
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
  experimental: {
    // Behind a reverse proxy that changes the Host, list the public origin(s) here (read at build time).
    serverActions: allowedOrigins.length ? { allowedOrigins } : {},
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = nextConfig;
