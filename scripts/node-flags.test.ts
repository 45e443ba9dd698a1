import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_NODE_ENV, CONSOLE_NODE_FLAGS } from './node-flags.mjs';

// The image cannot import the list, so its CMD and ENV repeat it; this keeps the two from drifting.
const dockerfile = readFileSync(path.join(__dirname, '..', 'Dockerfile'), 'utf8');
// The runner stage: the last FROM to the end.
const runner = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

describe("the image runs the console's Node as npm start does", () => {
  it('passes the same flags in its CMD', () => {
    const cmds = [...runner.matchAll(/^CMD (\[.*\])$/gm)].map((m) => JSON.parse(m[1]) as string[]);
    expect(cmds).toEqual([['node', ...CONSOLE_NODE_FLAGS, 'server.js']]);
  });

  it('sets the same environment', () => {
    for (const [name, value] of Object.entries(CONSOLE_NODE_ENV)) {
      expect(runner).toMatch(new RegExp(`^ENV (?:.*\\s)?${name}=${value}(?:\\s|$)`, 'm'));
    }
  });
});
