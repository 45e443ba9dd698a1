import { headers } from 'next/headers';

// Runs before first paint so a dark-mode user never sees a white flash. Kept in sync with ThemeToggle.
// Without a saved choice ("system") the page also follows a later change of the OS setting (the
// toggle watches the <html> class, so it follows too); a saved light or dark choice wins over it.
const themeScript = `try{var m=matchMedia('(prefers-color-scheme: dark)'),apply=function(){var t=null;try{t=localStorage.getItem('theme')}catch(e){}document.documentElement.classList.toggle('dark',t==='dark'||(t!=='light'&&m.matches))};apply();m.addEventListener('change',apply)}catch(e){}`;

/**
 * The theme script with this request's CSP nonce (set by proxy.ts), without which the browser
 * refuses to run it. Reading the request headers also renders every page per request, which a
 * nonce needs: a page prerendered at build time would carry no nonce and none of its scripts would run.
 */
export async function ThemeScript() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
