'use client';

import { useSyncExternalStore } from 'react';

// The <html> class is the source of truth (set before paint by the root layout's script, which also
// follows later OS changes while nothing is saved). A saved choice is told apart from "system" by
// localStorage, which this file announces with a 'themechange' event when it changes it.
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  window.addEventListener('themechange', onChange);
  return () => {
    observer.disconnect();
    window.removeEventListener('themechange', onChange);
  };
}
const isDark = () => document.documentElement.classList.contains('dark');
const savedTheme = () => {
  try {
    return localStorage.getItem('theme');
  } catch {
    return null;
  }
};

function save(theme: 'light' | 'dark' | null) {
  try {
    if (theme) localStorage.setItem('theme', theme);
    else localStorage.removeItem('theme');
  } catch {
    // private mode: the choice lasts for this page only
  }
  const dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.classList.toggle('dark', dark);
  window.dispatchEvent(new Event('themechange'));
}

const itemClass =
  'flex w-full items-center justify-between gap-3 rounded-md px-3 py-2 text-left text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-800';

export function ThemeToggle() {
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  const saved = useSyncExternalStore(subscribe, savedTheme, () => null);
  return (
    <>
      <button type="button" role="switch" aria-checked={dark} onClick={() => save(dark ? 'light' : 'dark')} className={itemClass}>
        <span>Dark mode</span>
        <span
          aria-hidden="true"
          className={`relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors ${dark ? 'bg-blue-500' : 'bg-zinc-300'}`}
        >
          <span
            className={`absolute top-0.5 size-4 rounded-full bg-white shadow transition-transform ${dark ? 'translate-x-4' : 'translate-x-0.5'}`}
          />
        </span>
      </button>
      {saved && (
        <button type="button" onClick={() => save(null)} className={itemClass}>
          Follow the system setting
        </button>
      )}
    </>
  );
}
