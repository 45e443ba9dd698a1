'use client';

import { useEffect } from 'react';
import { followTheme } from './follow-theme';

/** The theme script's rule once more after hydration, for pages the browser rendered (see follow-theme.ts). */
export function ThemeFollower() {
  useEffect(followTheme, []);
  return null;
}
