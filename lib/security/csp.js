// @ts-check
// The Content-Security-Policy, shared by next.config.js (the build-time header every response gets)
// and proxy.ts, which gives each HTML page its own policy with a fresh script nonce (and, in local
// mode, the emulator's origin: the mode and port are only known when the server starts).

/**
 * Scripts: with a nonce, only scripts carrying it (Next stamps its own inline and bootstrap
 * scripts; components/shell/theme-script.tsx stamps the theme script) and, through
 * 'strict-dynamic', the chunks those load (hls.js is a dynamic import). Browsers that know 'strict-dynamic' ignore 'self' and the host
 * there; they are the fallback for older ones. Without a nonce (API routes, RSC payloads, files) no
 * inline script runs at all. Dev adds 'unsafe-eval', which React needs for its debug stacks.
 * Styles keep 'unsafe-inline': React renders `style={…}` props as style attributes, which a nonce
 * cannot cover, and Next's route announcer and dev overlay use them; stylesheets stay same-origin.
 * IVS playback (manifests, segments) is served from *.live-video.net; the test player's media
 * arrives through MediaSource as blob: URLs and hls.js runs its transmuxer in a blob: worker.
 * No image comes from elsewhere (icons are inline SVG), so images are same-origin, data: or blob:.
 * Forms post to the console itself; a sign-in form's answer redirects to the identity provider
 * (form-action covers that redirect when the browser runs no script), so its origins are listed too.
 * @param {{ dev: boolean, localPlaybackOrigin?: string | null, nonce?: string, signInOrigins?: string[] }} options
 * @returns {string}
 */
function contentSecurityPolicy({ dev, localPlaybackOrigin, nonce, signInOrigins = [] }) {
  const local = localPlaybackOrigin ? ` ${localPlaybackOrigin}` : '';
  const forms = signInOrigins.map((origin) => ` ${origin}`).join('');
  const trusted = nonce ? `'nonce-${nonce}' 'strict-dynamic' ` : '';
  return [
    "default-src 'self'",
    `script-src ${trusted}'self'${dev ? " 'unsafe-eval'" : ''} https://*.live-video.net`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' https://*.live-video.net wss://*.live-video.net${local}${dev ? ' ws: http://localhost:* http://127.0.0.1:*' : ''}`,
    `media-src 'self' blob: https://*.live-video.net${local}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${forms}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

// Cannot occur in a policy or a nonce, so splitting on it finds exactly the nonce's place.
const NONCE_SLOT = '\u0000';

/**
 * The page policy built once, as a function of the nonce: proxy.ts runs on every page request, so
 * per request it only joins a precomputed prefix and suffix around the nonce.
 * @param {{ dev: boolean, localPlaybackOrigin?: string | null, signInOrigins?: string[] }} options
 * @returns {(nonce: string) => string}
 */
function noncePolicy(options) {
  const [prefix, suffix] = contentSecurityPolicy({ ...options, nonce: NONCE_SLOT }).split(NONCE_SLOT);
  return (nonce) => prefix + nonce + suffix;
}

/**
 * A fresh nonce: 128 random bits in base64, the form Next looks for in 'nonce-…'. CSP asks for at
 * least 128 bits; a v4 UUID (the usual example) has only 122 random ones.
 * @returns {string}
 */
function createNonce() {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

module.exports = { contentSecurityPolicy, noncePolicy, createNonce };
