import { parseArn } from './ids';
import { model, shape } from './model';

// Which resource a queued fault is for: a test that shares the emulator with others fails only its
// own resource's calls. Unscoped faults (both undefined) fail any call of the operation.
export interface FaultScope {
  // The resource the call acts on: `arn`, `channelArn`, `resourceArn`, or one of a batch's ARNs.
  resourceArn?: string;
  // The `name` of a resource being created (create/import calls name no ARN yet).
  resourceName?: string;
  // The region of the call (its SigV4 scope): a region that refuses, as one whose IAM policy denies
  // the console or that is not enabled for the account does, while the others answer.
  region?: string;
}

/** A fault for every IVS operation (a region refusing everything), rather than one operation. */
export const ANY_OPERATION = '*';

// Input members that name the resource(s) a call acts on. Other ARN members (a channel's
// recordingConfigurationArn, ListChannels' filterBy…Arn) are references, not the call's target.
const TARGET_MEMBERS = ['arn', 'channelArn', 'resourceArn', 'arns', 'viewerSessions'];

function inputMembers(operation: string): string[] {
  const input = model.operations[operation]?.input;
  return input ? Object.keys(shape(input.shape).members ?? {}) : [];
}

// The ARNs a call's input names as its target(s).
export function targetArns(input: Record<string, unknown>): string[] {
  const arns: string[] = [];
  for (const key of ['arn', 'channelArn', 'resourceArn']) {
    if (typeof input[key] === 'string') arns.push(input[key]);
  }
  if (Array.isArray(input.arns)) arns.push(...input.arns.filter((a): a is string => typeof a === 'string'));
  if (Array.isArray(input.viewerSessions)) {
    for (const s of input.viewerSessions as unknown[]) {
      const arn = (s as { channelArn?: unknown } | null)?.channelArn;
      if (typeof arn === 'string') arns.push(arn);
    }
  }
  return arns;
}

export function scopeMatches(scope: FaultScope, input: Record<string, unknown>, region?: string): boolean {
  if (scope.region !== undefined && scope.region !== region) return false;
  if (scope.resourceArn !== undefined && !targetArns(input).includes(scope.resourceArn)) return false;
  if (scope.resourceName !== undefined && input.name !== scope.resourceName) return false;
  return true;
}

// Why a scope can never match a call of the operation, so a test hears of its mistake at once
// instead of waiting for a fault that never fires.
export function scopeProblem(operation: string, scope: FaultScope): string | undefined {
  if (scope.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(scope.region)) return '"region" must be an AWS region, e.g. eu-west-1.';
  if (operation === ANY_OPERATION) {
    if (scope.resourceArn !== undefined || scope.resourceName !== undefined)
      return `"${ANY_OPERATION}" (every operation) can be scoped by "region" only.`;
    return undefined;
  }
  const members = inputMembers(operation);
  const targeted = members.some((m) => TARGET_MEMBERS.includes(m));
  if (scope.resourceArn !== undefined) {
    if (!parseArn(scope.resourceArn)) return '"resourceArn" must be an IVS ARN.';
    if (!targeted) return `${operation} names no resource ARN to scope to; scope a create call with "resourceName".`;
  }
  if (scope.resourceName !== undefined) {
    if (scope.resourceName === '') return '"resourceName" must be a non-empty string.';
    // UpdateChannel's `name` is the new name, not what the call acts on: scope it by ARN.
    if (!members.includes('name') || targeted) return `${operation} creates no named resource; scope it with "resourceArn".`;
  }
  return undefined;
}
