import 'server-only';

// IVS (or common AWS) exception name -> what an operator should read. The IVS name is kept in the message so a
// message can be searched for in the AWS docs.
const MESSAGES: Record<string, string> = {
  AccessDeniedException: 'The console’s AWS credentials are not allowed to do this (check the IAM policy).',
  ChannelNotBroadcasting: 'The channel is not live.',
  ConflictException: 'IVS refused the change because the resource is in use or in a conflicting state.',
  ExpiredTokenException:
    'The console’s temporary AWS credentials have expired. Renew them where they come from (for example `aws sso login` for a profile).',
  InternalServerException: 'IVS had an internal error. Try again in a moment.',
  InvalidSignatureException:
    'IVS rejected the request signature: the AWS secret key does not belong to the access key, or this server’s clock is more than 5 minutes off.',
  PendingVerification: 'Your AWS account is pending verification; IVS will allow this once it is verified.',
  ResourceNotFoundException: 'IVS could not find this resource. It may have been deleted.',
  ServiceQuotaExceededException: 'An IVS quota would be exceeded.',
  ServiceUnavailable: 'IVS is temporarily unavailable. Try again in a moment.',
  StreamUnavailable: 'The stream is temporarily unavailable. Try again in a moment.',
  ThrottlingException: 'IVS is throttling requests (too many calls per second). Try again shortly.',
  UnrecognizedClientException:
    'IVS does not recognise the console’s AWS access key (deleted, inactive, or from another partition). Check which credentials the console runs with.',
  ValidationException: 'IVS rejected the input.',
};

// Failures of the SDK's credential chain. They happen before any request reaches IVS, so they carry
// no $metadata and would otherwise read as "Something went wrong".
const CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'TokenProviderError', 'ProviderError', 'InstanceMetadataV1FallbackError']);
const NO_CREDENTIALS =
  'The console could not get AWS credentials. It looks in environment variables (AWS_ACCESS_KEY_ID), AWS_PROFILE and the shared config files, ' +
  'web identity (AWS_WEB_IDENTITY_TOKEN_FILE) and the container or instance role; configure one where the console runs (README, “Running against real AWS”).';

export interface IvsErrorInfo {
  code: string;
  message: string;
}

/** Turns anything thrown by an IVS call into a message that names the IVS error and says what it means. */
export function describeIvsError(error: unknown): IvsErrorInfo {
  const err = error as { name?: string; message?: string; $metadata?: unknown } | undefined;
  const code = err?.name && err.$metadata ? err.name : 'Error';
  const known = MESSAGES[code];
  // The SDK says UnknownError when the answer had no message: nothing worth showing.
  const detail = err?.message && err.message !== code && err.message !== 'UnknownError' ? err.message : '';
  if (!err?.$metadata && err?.name && CREDENTIAL_ERRORS.has(err.name)) {
    // The SDK's reason stays in the server log (isConsoleSideFailure): it can quote a
    // credential_process command line and its output, which the browser and the audit record must not get.
    return { code: 'CredentialsError', message: `${NO_CREDENTIALS} (${err.name}; the server log has the details)` };
  }
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

/**
 * Failures on the console's side rather than an answer from IVS (a bug, the network, missing
 * credentials): worth a server log line, since an operator's screen is not where an outage is noticed.
 */
export function isConsoleSideFailure(info: IvsErrorInfo): boolean {
  return info.code === 'Error' || info.code === 'NetworkError' || info.code === 'CredentialsError';
}

export function isIvsError(error: unknown, name: string): boolean {
  return (error as { name?: string } | undefined)?.name === name;
}
