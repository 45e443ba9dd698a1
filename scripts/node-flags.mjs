// How the console's own Node process runs, wherever it is started: `npm start` (scripts/start.mjs),
// the image (the Dockerfile's CMD and ENV; scripts/node-flags.test.ts holds them to this list), the
// e2e servers, the standalone smoke test and the benches. ARCHITECTURE.md, "The console's memory",
// has the measurements behind each one. V8 reads its heap flags once, when the process starts, and
// Node refuses most of them in NODE_OPTIONS, so they go on the command line.

export const CONSOLE_NODE_FLAGS = [
  // The embedded store is PostgreSQL compiled to WebAssembly; V8's optimising tier held 250-550 MB
  // compiling it a second time. Liftoff alone runs its indexed queries as fast.
  '--liftoff-only',
  // Under load, Node 24's V8 grew the young generation to two 64 MB semi-spaces, nearly all of it
  // resident. 8 MB each scavenges a little more often, with no measurable cost to latency.
  '--max-semi-space-size=8',
  // V8 lets the old generation grow well past what survives a collection before it collects again.
  // Growing it by 20% at a time keeps it near the live size (60-90 MB here), for about 15% of peak
  // throughput (npm run bench -- load).
  '--heap-growing-percent=20',
];

export const CONSOLE_NODE_ENV = {
  // glibc gives each busy thread its own malloc arena, and their freed memory stays resident; the
  // console's threads (libuv's pool, V8's workers) took ~20 MB more under load with the default.
  MALLOC_ARENA_MAX: '2',
};
