// Unit tests import server modules directly; the real `server-only` throws outside React Server builds.
export {};
