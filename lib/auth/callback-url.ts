// Where to go after sign-in. Only same-site paths: an absolute or protocol-relative URL here would
// turn the login page into an open redirect.
export function safeCallbackUrl(value: unknown, fallback = '/channels'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value === '/' || value.startsWith('/login') || value.startsWith('/api/')) return fallback;
  return value;
}
