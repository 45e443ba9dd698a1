'use client';

import { useCallback, useRef, useState } from 'react';

/**
 * A module a component needs only once someone uses it (a form's zod checks): imported on the first
 * `load()` (a field's first focus or change) and awaited by submit, so it stays out of the page's first
 * load. `importer` must be a module-level function, so `load` keeps its identity between renders. A
 * failed import (the network dropped) is tried again on the next `load()`.
 */
export function useLazyModule<T>(importer: () => Promise<T>): { loaded: T | null; load: () => Promise<T> } {
  const [loaded, setLoaded] = useState<T | null>(null);
  const pending = useRef<Promise<T> | null>(null);
  const load = useCallback(() => {
    pending.current ??= importer().then(
      (m) => {
        setLoaded(() => m);
        return m;
      },
      (error: unknown) => {
        pending.current = null;
        throw error;
      },
    );
    return pending.current;
  }, [importer]);
  return { loaded, load };
}
