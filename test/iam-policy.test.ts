import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as sdk from '@aws-sdk/client-ivs';
import { describe, expect, it } from 'vitest';

// The README's IAM policies promise least privilege: exactly the IVS calls the console makes (full),
// and exactly its reads (read-only). This reads both policies out of the README and the calls out
// of the console's source, so adding a call without the permission, or keeping a permission no
// code needs, fails here rather than in someone's AWS account.

const root = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['app', 'components', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every IVS operation the console's code sends: `new XCommand(` of an SDK command, or `paginateX(`. */
function operationsInSource(): string[] {
  const ops = new Set<string>();
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const [, op] of text.matchAll(/new (\w+)Command\(/g)) if (`${op}Command` in sdk) ops.add(op);
    for (const [, op] of text.matchAll(/\bpaginate(\w+)\(/g)) if (`paginate${op}` in sdk) ops.add(op);
  }
  return [...ops].sort();
}

interface Statement {
  Sid?: string;
  Action: string | string[];
}

/** The `ivs:` actions of the README policy statement with this Sid. */
function readmePolicyActions(sid: string): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const statements = [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
    .map(([, json]) => JSON.parse(json) as { Statement?: Statement[] })
    .flatMap((policy) => policy.Statement ?? []);
  const statement = statements.find((s) => s.Sid === sid);
  if (!statement) throw new Error(`README.md has no policy statement with Sid ${sid}`);
  return [statement.Action].flat().map((a) => a.replace(/^ivs:/, '')).sort();
}

const isRead = (op: string) => /^(List|Get|BatchGet)/.test(op);

describe('README IAM policies', () => {
  const used = operationsInSource();

  it('finds the console’s IVS calls in its source', () => {
    // A floor, so a broken scan (no calls found) cannot pass the comparisons below.
    expect(used.length).toBeGreaterThan(30);
    expect(used).toEqual(expect.arrayContaining(['ListChannels', 'CreateChannel', 'GetStreamKey', 'TagResource']));
  });

  it('the full policy allows exactly the IVS calls the console makes', () => {
    expect(readmePolicyActions('IvsConsole')).toEqual(used);
  });

  it('the read-only policy allows exactly the console’s reads', () => {
    expect(readmePolicyActions('IvsConsoleReadOnly')).toEqual(used.filter(isRead));
  });
});
