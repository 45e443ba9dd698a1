import 'server-only';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { env } from '@/lib/env';
import { ivsClient } from '@/lib/ivs/client';

// The AWS account whose IVS resources the console manages, so an action refuses an ARN of another
// account before any IVS call (lib/ivs/arn.ts withinArnScope).
//
// Why this way:
// - Local mode: the emulator the console starts uses its fixed default account (emulator --account-id
//   is never passed by scripts/start.mjs or the e2e servers).
// - AWS: the credentials the IVS client already resolves carry `accountId` whenever the chain knows it
//   (AWS_ACCOUNT_ID, a profile's aws_account_id, SSO, assumed roles, web identity), at no extra call;
//   otherwise one STS GetCallerIdentity, which every principal may call (no IAM permission governs it).
//   Learning it from ARNs IVS returns would not do: an account with no resources returns none.
// - Once per process: credentials may rotate, the account behind them does not. A failed look-up is
//   tried again after a minute; until then only the region is checked (IVS still refuses the call).
export const EMULATOR_ACCOUNT = '123456789012';
const RETRY_AFTER_MS = 60_000;

interface Lookup {
  account: Promise<string | undefined>;
  failedAt?: number;
}
const state = ((globalThis as { __ivsAccount?: { lookup?: Lookup } }).__ivsAccount ??= {});

async function lookUpAccount(lookup: Lookup): Promise<string | undefined> {
  if (env.mode === 'local') return EMULATOR_ACCOUNT;
  try {
    const credentials = await ivsClient(env.defaultRegion).config.credentials();
    if (credentials.accountId) return credentials.accountId;
    const sts = new STSClient({
      region: env.defaultRegion,
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 5_000 },
    });
    try {
      const { Account } = await sts.send(new GetCallerIdentityCommand({}));
      if (Account) return Account;
    } finally {
      sts.destroy();
    }
  } catch (error) {
    console.warn(
      `[account] could not learn the AWS account (ARNs are checked for their region only): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  lookup.failedAt = Date.now();
  return undefined;
}

/** The console's AWS account, or undefined when it cannot be learned (never throws). */
export function consoleAccount(): Promise<string | undefined> {
  const current = state.lookup;
  if (current && !(current.failedAt && Date.now() - current.failedAt > RETRY_AFTER_MS)) return current.account;
  const lookup: Lookup = { account: Promise.resolve(undefined) };
  lookup.account = lookUpAccount(lookup);
  state.lookup = lookup;
  return lookup.account;
}
