// Paths anyone may load without a session. Pages still call requireUser; this only steers proxy.ts.
const PUBLIC_PREFIXES = ['/login', '/api/auth', '/api/health', '/_next'];
const PUBLIC_FILE = /\.(?:ico|png|svg|jpg|jpeg|gif|webp|txt|xml|webmanifest|woff2?)$/i;

export function isPublicPath(pathname: string): boolean {
  if (PUBLIC_FILE.test(pathname)) return true;
  // API routes answer 401 JSON themselves (guardedRoute); a redirect to an HTML page would confuse fetch.
  if (pathname === '/api' || pathname.startsWith('/api/')) return true;
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
