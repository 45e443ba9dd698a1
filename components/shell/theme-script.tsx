import { headers } from 'next/headers';
import { followTheme } from '@/components/shell/follow-theme';

// Runs before first paint so a dark-mode user never sees a white flash. Kept in sync with ThemeToggle.
const themeScript = `(${followTheme.toString()})()`;

/**
 * The theme script with this request's CSP nonce (set by proxy.ts), without which the browser
 * refuses to run it. Reading the request headers also renders every page per request, which a
 * nonce needs: a page prerendered at build time would carry no nonce and none of its scripts would run.
 */
export async function ThemeScript() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
