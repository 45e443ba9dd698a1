#!/usr/bin/env node
// Proves the `output: 'standalone'` build (what the Dockerfile ships) serves on its own: copies the
// assets Next leaves out, starts server.js against a private emulator, checks a few responses.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_NODE_ENV, CONSOLE_NODE_FLAGS } from './node-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const standalone = path.join(root, '.next', 'standalone');
const children = [];
const logs = new Map();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ivs-standalone-'));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function start(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
    logs.set(name, output);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  children.push(child);
  return child;
}

async function stopAll() {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  rmSync(dataDir, { recursive: true, force: true });
}

async function fail(message) {
  console.error(`\n✖ standalone smoke test failed: ${message}`);
  for (const [name, output] of logs) if (output.trim()) console.error(`\n--- last output of ${name} ---\n${output.trimEnd()}`);
  await stopAll();
  process.exit(1);
}

async function waitFor(url, child, name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) await fail(`${name} exited with code ${child.exitCode} before answering ${url}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await fail(`${name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

if (!existsSync(path.join(standalone, 'server.js'))) {
  await fail(".next/standalone/server.js is missing: run `npm run build` first, with output: 'standalone' in next.config.js");
}

// Next does not copy these into the standalone folder; the Dockerfile copies them the same way.
cpSync(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true });
if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });

const started = Date.now();
const [emulatorPort, port] = await Promise.all([freePort(), freePort()]);
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const emulator = start('emulator', tsx, ['emulator/cli.ts', '--port', String(emulatorPort), '--host', '127.0.0.1', '--seed', '5'], {});
await waitFor(`http://127.0.0.1:${emulatorPort}/_emulator/health`, emulator, 'the emulator');

// As the image's CMD runs it.
const server = start('server.js', process.execPath, [...CONSOLE_NODE_FLAGS, path.join(standalone, 'server.js')], {
  ...CONSOLE_NODE_ENV,
  NODE_ENV: 'production',
  PORT: String(port),
  HOSTNAME: '127.0.0.1',
  IVS_MODE: 'local',
  IVS_LOCAL_PORT: String(emulatorPort),
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  AUTH_URL: `http://127.0.0.1:${port}`,
  AUTH_TRUST_HOST: 'true',
  DATA_DIR: dataDir,
});
const base = `http://127.0.0.1:${port}`;
await waitFor(`${base}/api/health`, server, 'server.js');

const health = await fetch(`${base}/api/health`);
const healthType = health.headers.get('content-type') ?? '';
if (health.status !== 200 || !healthType.includes('application/json')) {
  await fail(`/api/health answered ${health.status} ${healthType}: ${(await health.text()).slice(0, 200)}`);
}
const healthBody = await health.json().catch(() => null);
if (!healthBody || healthBody.ok !== true || healthBody.store !== 'ok') {
  await fail(`/api/health body is not { ok: true, store: 'ok' }: ${JSON.stringify(healthBody)}`);
}

const login = await fetch(`${base}/login`);
const loginHtml = await login.text();
if (login.status !== 200) await fail(`/login answered ${login.status}`);
if (!loginHtml.includes('Sign in')) await fail('/login does not contain "Sign in"');
const csp = login.headers.get('content-security-policy') ?? '';
if (!csp.includes("frame-ancestors 'none'") || login.headers.get('x-content-type-options') !== 'nosniff') {
  await fail(`/login lacks the security headers (CSP: "${csp}", X-Content-Type-Options: "${login.headers.get('x-content-type-options')}")`);
}

// The client bundle must be served too, or the copied assets were wrong.
const chunk = loginHtml.match(/\/_next\/static\/[^"']+\.js/)?.[0];
if (chunk) {
  const res = await fetch(base + chunk);
  if (res.status !== 200) await fail(`${chunk} answered ${res.status}: .next/static was not copied into the standalone folder`);
}

await stopAll();
console.log(`✓ standalone server: /api/health, /login and security headers OK (${((Date.now() - started) / 1000).toFixed(1)} s)`);
