'use client';

import { useSyncExternalStore } from 'react';

const noSubscribe = () => () => {};

/**
 * False in the server render and during hydration, true once React owns this part of the page.
 * Controls that do nothing before hydration are disabled until then, so an early click or keystroke
 * waits (and Playwright's actionability checks wait with it) instead of being silently lost. Parts of
 * a page hydrate separately (Suspense boundaries), so each control asks for itself.
 */
export const useHydrated = () =>
  useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
