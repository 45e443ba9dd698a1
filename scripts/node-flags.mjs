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
  // resident against 20-50 MB in use. 4 MB promoted more and grew the old generation instead.
  '--max-semi-space-size=8',
  // V8 lets the old generation grow well past what survives a collection before it collects again.
  // Growing it by 20% at a time keeps it near its live 60-90 MB. This is the flag that costs CPU:
  // together the three took the load bench's paced peak from 450 to 257 MB for 1.22x the CPU and
  // 0.82x the requests/s at full speed (npm run bench -- load prints both).
  '--heap-growing-percent=20',
];

export const CONSOLE_NODE_ENV = {
  // glibc gives each busy thread its own malloc arena, and their freed memory stays resident; the
  // console's threads (libuv's pool, V8's workers) held ~20 MB more under load with the default.
  MALLOC_ARENA_MAX: '2',
};
