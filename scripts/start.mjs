#!/usr/bin/env node
// `npm start`: build when the sources are newer than the last build, then serve the console.
// Without AWS configuration it also runs the local IVS emulator, so a fresh clone works offline.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_NODE_ENV, CONSOLE_NODE_FLAGS } from './node-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

// The console is supported on Node 24 and 26 (package.json engines). Started on an older Node (20 is
// past its support and newer AWS SDKs refuse it), it runs itself on the pinned Node 24 that
// scripts/node-runtime.sh installs from the npm registry, where that script can (Linux, x64 or arm64).
const SUPPORTED_MAJORS = [24, 26];
const major = Number(process.versions.node.split('.')[0]);
if (!SUPPORTED_MAJORS.includes(major) && process.platform === 'linux' && !process.env.IVS_CONSOLE_NODE_SWITCHED) {
  console.log(`Node ${process.version} is not supported (24 or 26 is); running the console on Node 24 instead.`);
  let bin;
  try {
    bin = execFileSync('bash', ['scripts/node-runtime.sh', '24'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch {
    console.error('Could not install Node 24 from the npm registry; install Node 24 yourself and run npm start again.');
    process.exit(1);
  }
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, IVS_CONSOLE_NODE_SWITCHED: '1' };
  const child = spawn(path.join(bin, 'node'), [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise(() => {}); // the child is the console now; wait for it
} else if (!SUPPORTED_MAJORS.includes(major)) {
  console.warn(`Warning: Node ${process.version} is not supported; use Node 24 or 26.`);
}

const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'emulator',
  'public',
  'proxy.ts',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
];
const SKIP_DIRS = new Set(['node_modules', '.next', '.data', '.git']);
const windows = process.platform === 'win32';
const bin = (name) => path.join(root, 'node_modules', '.bin', windows ? `${name}.cmd` : name);
// Node refuses to spawn .cmd files without a shell on Windows.
const spawnOptions = { stdio: 'inherit', shell: windows };

const port = Number(process.env.PORT || 3000);
const awsRegion = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
const mode = process.env.IVS_MODE || (awsRegion ? 'aws' : 'local');
const fail = (message) => {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
};

if (mode !== 'local' && mode !== 'aws') fail(`IVS_MODE must be 'local' or 'aws', not '${mode}'.`);
if (mode === 'aws' && !awsRegion) fail('IVS_MODE=aws needs AWS_REGION (or AWS_DEFAULT_REGION) to be set.');
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number, not '${process.env.PORT}'.`);

// The newest file among the build inputs, as { file, mtimeMs }.
function newestSource() {
  let newest = { file: '', mtimeMs: 0 };
  const visit = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (SKIP_DIRS.has(path.basename(p))) return;
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else if (st.mtimeMs > newest.mtimeMs) {
      newest = { file: p, mtimeMs: st.mtimeMs };
    }
  };
  BUILD_INPUTS.forEach(visit);
  return newest;
}

// Why a build is needed, or null when .next is current.
function buildReason() {
  const buildId = path.join('.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no production build yet (.next/BUILD_ID is missing)';
  const built = statSync(buildId).mtimeMs;
  const newest = newestSource();
  if (newest.mtimeMs > built) return `${newest.file} changed after the last build`;
  return null;
}

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...spawnOptions, ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
  });
}

function portIsFree(p, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port: p, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForHttp(url, timeoutMs, isAlive) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) return 'died';
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return 'ok';
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return 'timeout';
}

// Local mode keeps one random AUTH_SECRET per checkout, so sessions survive restarts.
function localAuthSecret(dataDir) {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved) return saved;
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  console.log(`Generated a session secret in ${file} (set AUTH_SECRET to use your own).`);
  return secret;
}

// ---- ports: checked before a build that may take minutes -----------------------------------------

const emulatorPort = Number(process.env.IVS_LOCAL_PORT || 4599);
if (mode === 'local' && (!Number.isInteger(emulatorPort) || emulatorPort < 1 || emulatorPort > 65535)) {
  fail(`IVS_LOCAL_PORT must be a port number, not '${process.env.IVS_LOCAL_PORT}'.`);
}
if (!(await portIsFree(port))) fail(`Port ${port} is already in use. Stop whatever listens there, or choose another port with PORT=…`);
if (mode === 'local' && !(await portIsFree(emulatorPort, '127.0.0.1'))) {
  fail(
    `Port ${emulatorPort} (the local IVS emulator) is already in use — perhaps another \`npm start\` or \`npm run emulator\`.\n` +
      `  Stop it, or choose another port with IVS_LOCAL_PORT=…`,
  );
}

// ---- build ---------------------------------------------------------------------------------------

const reason = buildReason();
if (reason) {
  console.log(`\nBuilding the console: ${reason}.\n`);
  const code = await run(bin('next'), ['build']);
  if (code !== 0) fail(`next build failed (exit code ${code}); see the output above.`);
}

// ---- serve ---------------------------------------------------------------------------------------

const children = new Set();
let stopping = false;

function stopAll(signal = 'SIGTERM') {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

function supervise(name, child) {
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      stopping = true;
      console.error(`\n${name} exited (${signal ?? `code ${code}`}); stopping the rest.`);
      process.exitCode = code || 1;
      stopAll();
    } else if (process.exitCode === undefined) {
      process.exitCode = 0;
    }
    if (children.size === 0) process.exit(process.exitCode ?? 0);
  });
  return child;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!stopping) console.log(`\nStopping (${signal})…`);
    stopping = true;
    process.exitCode = 0;
    stopAll(signal);
    if (children.size === 0) process.exit(0);
  });
}

const env = { ...process.env, IVS_MODE: mode, PORT: String(port) };
const lines = [];

if (mode === 'local') {
  const dataDir = process.env.DATA_DIR || '.data';
  mkdirSync(dataDir, { recursive: true });
  const stateFile = path.join(dataDir, 'ivs-state.json');
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const region = process.env.IVS_LOCAL_REGION || 'us-west-2';
  env.IVS_LOCAL_PORT = String(emulatorPort);
  env.AUTH_SECRET = localAuthSecret(dataDir);
  // The console is served on the address the user typed; trusting the Host header is safe locally.
  env.AUTH_TRUST_HOST ??= 'true';

  const args = ['emulator/cli.ts', '--port', String(emulatorPort), '--host', '127.0.0.1', '--state', stateFile, '--seed', '40'];
  if (process.env.IVS_LOCAL_REGION) args.push('--region', region);
  const emulator = supervise('The IVS emulator', spawn(bin('tsx'), args, { ...spawnOptions, env: process.env }));
  const health = await waitForHttp(`${emulatorUrl}/_emulator/health`, 30_000, () => emulator.exitCode === null);
  if (health !== 'ok') {
    stopping = true;
    stopAll();
    fail(
      health === 'died'
        ? 'The local IVS emulator stopped before it was ready; see its output above.'
        : `The local IVS emulator did not answer ${emulatorUrl}/_emulator/health within 30 s.`,
    );
  }
  lines.push(
    ['Mode', `local — IVS emulator at ${emulatorUrl} (state in ${stateFile})`],
    ['Sign in', 'admin, operator or viewer — password "local"'],
    ['AWS CLI', `AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws ivs list-channels --endpoint-url ${emulatorUrl} --region ${region}`],
  );
} else {
  lines.push(['Mode', `aws — Amazon IVS in ${awsRegion}${process.env.IVS_ENDPOINT ? ` via ${process.env.IVS_ENDPOINT}` : ''}`]);
}

// With the flags and environment that keep its memory down (scripts/node-flags.mjs says why); an
// operator's own MALLOC_ARENA_MAX wins.
const nextCli = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const next = supervise(
  'The console (next start)',
  spawn(process.execPath, [...CONSOLE_NODE_FLAGS, nextCli, 'start', '-p', String(port)], {
    stdio: 'inherit',
    env: { ...CONSOLE_NODE_ENV, ...env },
  }),
);
const url = `http://localhost:${port}`;
const ready = await waitForHttp(`${url}/api/health`, 60_000, () => next.exitCode === null);
if (ready === 'ok') {
  const rows = [['Console', url], ...lines];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(
    `\n  Amazon IVS console is ready\n\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n\n  Press Ctrl+C to stop.\n`,
  );
} else if (ready === 'timeout') {
  console.error(`\nThe console did not answer ${url}/api/health within 60 s; it may still be starting.`);
}
