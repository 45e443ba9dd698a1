import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compareWith, gzipSizer, readRouteBundleStats, weighRoutes } from './page-weight';

const sizes: Record<string, number> = { fw: 100_000, root: 1_000, shell: 10_000, zod: 27_000, page: 5_000 };
const sizeOf = (chunk: string) => sizes[chunk];

describe('weighRoutes', () => {
  it('sums each route’s chunks and holds it to 1.25x of the bare /_not-found', () => {
    const routes = weighRoutes(
      [
        { route: '/_not-found', firstLoadChunkPaths: ['fw', 'root'] },
        { route: '/audit', firstLoadChunkPaths: ['fw', 'root', 'shell'] },
        { route: '/channels/new', firstLoadChunkPaths: ['fw', 'root', 'shell', 'zod', 'page'] },
      ],
      sizeOf,
    );
    expect(routes.map((r) => [r.route, r.bytes, r.pass])).toEqual([
      ['/channels/new', 143_000, false],
      ['/audit', 111_000, true],
      ['/_not-found', 101_000, true],
    ]);
    expect(routes[0].budget).toBe(126_250);
    expect(routes[0].ratio).toBeCloseTo(143 / 101);
    // What the page adds beyond the bare page, heaviest first: where to look when it fails.
    expect(routes[0].extra).toEqual([
      { chunk: 'zod', bytes: 27_000 },
      { chunk: 'shell', bytes: 10_000 },
      { chunk: 'page', bytes: 5_000 },
    ]);
  });

  it('refuses to guess a budget without the bare /_not-found route', () => {
    expect(() => weighRoutes([{ route: '/audit', firstLoadChunkPaths: ['fw'] }], sizeOf)).toThrow(/no \/_not-found route/);
  });
});

describe('reading a build', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('fails loudly when there is no build, and weighs chunks gzipped at level 9', () => {
    root = mkdtempSync(path.join(tmpdir(), 'page-weight-'));
    expect(() => readRouteBundleStats(root)).toThrow(/No production build/);
    const chunk = '.next/static/chunks/a.js';
    const text = 'globalThis.x = "' + 'abc'.repeat(1000) + '";';
    mkdirSync(path.join(root, '.next/static/chunks'), { recursive: true });
    writeFileSync(path.join(root, chunk), text);
    expect(gzipSizer(root)(chunk)).toBe(gzipSync(text, { level: 9 }).length);
  });
});

describe('compareWith', () => {
  it('weighs each charted page against /channels, and what it loads beyond it', () => {
    const routes = weighRoutes(
      [
        { route: '/_not-found', firstLoadChunkPaths: ['fw', 'root'] },
        { route: '/channels', firstLoadChunkPaths: ['fw', 'root', 'shell'] },
        { route: '/channels/[id]', firstLoadChunkPaths: ['fw', 'root', 'shell', 'zod', 'page'] },
      ],
      sizeOf,
    );
    expect(compareWith(routes, '/channels', ['/channels/[id]'])).toEqual([
      { route: '/channels/[id]', bytes: 143_000, ratio: 143 / 111, extraBytes: 32_000 },
    ]);
    expect(() => compareWith(routes, '/channels', ['/channels/[id]/sessions/[streamId]'])).toThrow(/no \/channels\/\[id\]\/sessions/);
  });
});
