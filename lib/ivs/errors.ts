import 'server-only';

// IVS exception name -> what an operator should read. The IVS name is kept in the message so a
// message can be searched for in the AWS docs.
const MESSAGES: Record<string, string> = {
  AccessDeniedException: 'The console’s AWS credentials are not allowed to do this (check the IAM policy).',
  ChannelNotBroadcasting: 'The channel is not live.',
  ConflictException: 'IVS refused the change because the resource is in use or in a conflicting state.',
  InternalServerException: 'IVS had an internal error. Try again in a moment.',
  PendingVerification: 'Your AWS account is pending verification; IVS will allow this once it is verified.',
  ResourceNotFoundException: 'IVS could not find this resource. It may have been deleted.',
  ServiceQuotaExceededException: 'An IVS quota would be exceeded.',
  ServiceUnavailable: 'IVS is temporarily unavailable. Try again in a moment.',
  StreamUnavailable: 'The stream is temporarily unavailable. Try again in a moment.',
  ThrottlingException: 'IVS is throttling requests (too many calls per second). Try again shortly.',
  ValidationException: 'IVS rejected the input.',
};

export interface IvsErrorInfo {
  code: string;
  message: string;
}

/** Turns anything thrown by an IVS call into a message that names the IVS error and says what it means. */
export function describeIvsError(error: unknown): IvsErrorInfo {
  const err = error as { name?: string; message?: string; $metadata?: unknown } | undefined;
  const code = err?.name && err.$metadata ? err.name : 'Error';
  const known = MESSAGES[code];
  const detail = err?.message && err.message !== code ? err.message : '';
  if (known) return { code, message: detail ? `${known} (${code}: ${detail})` : `${known} (${code})` };
  if (code === 'Error') {
    const network = /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|fetch failed/i.test(err?.message ?? '');
    return {
      code: network ? 'NetworkError' : 'Error',
      message: network ? 'The console could not reach IVS (network error).' : 'Something went wrong calling IVS.',
    };
  }
  return { code, message: `IVS answered ${code}${detail ? `: ${detail}` : ''}` };
}

export function isIvsError(error: unknown, name: string): boolean {
  return (error as { name?: string } | undefined)?.name === name;
}
