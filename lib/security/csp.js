// @ts-check
// The Content-Security-Policy of every page, shared by next.config.js (the build-time header) and
// proxy.ts (which, in local mode only, re-issues it at run time with the emulator's origin: the
// mode and port are only known when the server starts, after `next build` has baked the headers).

/**
 * Next's own inline bootstrap scripts need 'unsafe-inline' without a per-request nonce; everything
 * else is locked to this origin. IVS playback (player, manifests, segments) is served from
 * *.live-video.net; the test player's media arrives through MediaSource as blob: URLs.
 * form-action allows https so a no-JS sign-in form can redirect to the identity provider.
 * @param {{ dev: boolean, localPlaybackOrigin?: string | null }} options
 * @returns {string}
 */
function contentSecurityPolicy({ dev, localPlaybackOrigin }) {
  const local = localPlaybackOrigin ? ` ${localPlaybackOrigin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''} https://*.live-video.net`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self' https://*.live-video.net wss://*.live-video.net${local}${dev ? ' ws: http://localhost:* http://127.0.0.1:*' : ''}`,
    `media-src 'self' blob: https://*.live-video.net${local}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https:",
    "frame-ancestors 'none'",
  ].join('; ');
}

module.exports = { contentSecurityPolicy };
