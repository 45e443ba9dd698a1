// The theme rule, written once: the root layout inlines it as a script that runs before first paint,
// and ThemeFollower runs it again where the browser, not the server, rendered the page (a 403 or 404
// answer: Next renders those in the browser, and a script React inserts there never runs). It is
// serialised with toString(), so it uses nothing from outside its own body. Without a saved choice
// ("system") it also follows a later change of the OS setting; a saved light or dark choice wins.
export function followTheme() {
  try {
    const w = window as Window & { followingTheme?: boolean };
    const m = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      let t = null;
      try {
        t = localStorage.getItem('theme');
      } catch {}
      document.documentElement.classList.toggle('dark', t === 'dark' || (t !== 'light' && m.matches));
    };
    apply();
    if (w.followingTheme) return;
    w.followingTheme = true;
    m.addEventListener('change', apply);
  } catch {}
}
