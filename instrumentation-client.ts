import { config } from 'zod';

// Runs before hydration. Before zod 4 compiles a fast object parser it probes `new Function('')`;
// the CSP (no 'unsafe-eval' in production, lib/security/csp.js) refuses that and the browser reports
// a violation although zod catches it. jitless skips the probe; in the browser zod only checks small
// forms, where the compiled parser buys nothing. zod keeps this config on globalThis, so it holds
// for every copy of zod in the page's chunks.
config({ jitless: true });
