import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ivsSdk from '@aws-sdk/client-ivs';
import * as cloudWatchSdk from '@aws-sdk/client-cloudwatch';
import * as serviceQuotasSdk from '@aws-sdk/client-service-quotas';
import { describe, expect, it } from 'vitest';

// The README's IAM policies promise least privilege: exactly the IVS calls the console makes (full),
// and exactly its reads (read-only); likewise for CloudWatch and Service Quotas, whose calls are all reads. This reads both policies out of the README and the calls out
// of the console's source, so adding a call without the permission, or keeping a permission no
// code needs, fails here rather than in someone's AWS account.

const root = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['app', 'components', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

const SDKS = {
  ivs: { module: '@aws-sdk/client-ivs', exports: ivsSdk },
  cloudwatch: { module: '@aws-sdk/client-cloudwatch', exports: cloudWatchSdk },
  servicequotas: { module: '@aws-sdk/client-service-quotas', exports: serviceQuotasSdk },
};
type Service = keyof typeof SDKS;

/** The names a file imports from an SDK package (`import { A, type B } from 'pkg'`). */
function importedFrom(text: string, module: string): Set<string> {
  const names = new Set<string>();
  for (const [, list] of text.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*['"]${module}['"]`, 'g'))) {
    for (const part of list.split(','))
      names.add(
        part
          .replace(/^\s*type\s+/, '')
          .split(/\s+as\s+/)[0]
          .trim(),
      );
  }
  return names;
}

/**
 * Every operation of one service the console's code sends: `new XCommand(` or `paginateX(`. Both SDKs
 * have commands of the same name (TagResource, ListTagsForResource), so a command counts for the
 * SDK the file imports it from; one a file does not import directly counts for IVS, as before.
 */
function operationsInSource(service: Service): string[] {
  const ops = new Set<string>();
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    const fromIvs = importedFrom(text, SDKS.ivs.module);
    const fromCloudWatch = importedFrom(text, SDKS.cloudwatch.module);
    const fromServiceQuotas = importedFrom(text, SDKS.servicequotas.module);
    const serviceOf = (name: string): Service | undefined =>
      fromCloudWatch.has(name)
        ? 'cloudwatch'
        : fromServiceQuotas.has(name)
          ? 'servicequotas'
          : fromIvs.has(name) || name in ivsSdk
            ? 'ivs'
            : undefined;
    for (const [, op] of text.matchAll(/new (\w+)Command\(/g)) {
      if (serviceOf(`${op}Command`) === service && `${op}Command` in SDKS[service].exports) ops.add(op);
    }
    for (const [, op] of text.matchAll(/\bpaginate(\w+)\(/g))
      if (serviceOf(`paginate${op}`) === service && `paginate${op}` in SDKS[service].exports) ops.add(op);
  }
  return [...ops].sort();
}

interface Statement {
  Sid?: string;
  Action: string | string[];
}

/** The `<service>:` actions of the README policy statement with this Sid (without the prefix). */
function readmePolicyActions(sid: string, service: Service = 'ivs'): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const statements = [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
    .map(([, json]) => JSON.parse(json) as { Statement?: Statement[] })
    .flatMap((policy) => policy.Statement ?? []);
  const statement = statements.find((s) => s.Sid === sid);
  if (!statement) throw new Error(`README.md has no policy statement with Sid ${sid}`);
  const actions = [statement.Action].flat();
  const foreign = actions.filter((a) => !a.startsWith(`${service}:`));
  if (foreign.length) throw new Error(`Statement ${sid} mixes in ${foreign.join(', ')}: keep one service per statement`);
  return actions.map((a) => a.slice(service.length + 1)).sort();
}

const isRead = (op: string) => /^(List|Get|BatchGet)/.test(op);

describe('README IAM policies', () => {
  const used = operationsInSource('ivs');
  const usedCloudWatch = operationsInSource('cloudwatch');
  const usedServiceQuotas = operationsInSource('servicequotas');

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

  it('finds the console’s CloudWatch calls in its source', () => {
    expect(usedCloudWatch).toEqual(['GetMetricData']);
    // The IVS scan does not count CloudWatch's commands, and the other way round.
    expect(used).not.toContain('GetMetricData');
  });

  it('both policies allow exactly the CloudWatch calls the console makes (all reads)', () => {
    expect(usedCloudWatch.every(isRead)).toBe(true);
    expect(readmePolicyActions('CloudWatchMetrics', 'cloudwatch')).toEqual(usedCloudWatch);
    expect(readmePolicyActions('CloudWatchMetricsReadOnly', 'cloudwatch')).toEqual(usedCloudWatch);
  });

  it('both policies allow exactly the Service Quotas calls the console makes (all reads)', () => {
    expect(usedServiceQuotas).toEqual(['ListServiceQuotas']);
    expect(used).not.toContain('ListServiceQuotas');
    expect(readmePolicyActions('ServiceQuotas', 'servicequotas')).toEqual(usedServiceQuotas);
    expect(readmePolicyActions('ServiceQuotasReadOnly', 'servicequotas')).toEqual(usedServiceQuotas);
  });
});
