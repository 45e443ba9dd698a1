import { describe, expect, it } from 'vitest';
import { describeIvsError } from './errors';

// What the SDK throws: service answers carry $metadata, credential-chain failures do not.
const answered = (name: string, message: string) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 403 } });
const chainFailed = (name: string, message: string) => Object.assign(new Error(message), { name, tryNextLink: false });

describe('describeIvsError', () => {
  it('keeps the IVS name and message beside the explanation', () => {
    expect(describeIvsError(answered('AccessDeniedException', 'User is not authorized'))).toEqual({
      code: 'AccessDeniedException',
      message:
        'The console’s AWS credentials are not allowed to do this (check the IAM policy). (AccessDeniedException: User is not authorized)',
    });
  });

  it('says the console has no AWS credentials (not "something went wrong") when the credential chain finds none', () => {
    const info = describeIvsError(chainFailed('CredentialsProviderError', 'Could not load credentials from any providers'));
    expect(info.code).toBe('CredentialsError');
    expect(info.message).toMatch(/^The console could not get AWS credentials\..*AWS_PROFILE.*Running against real AWS/);
    expect(info.message).toMatch(/\(CredentialsProviderError; the server log has the details\)$/);
  });

  it('leaves the SDK’s reason to the server log: a failed credential_process quotes its command line and output', () => {
    const info = describeIvsError(chainFailed('CredentialsProviderError', 'Command failed: get-creds --token s3cr3t\nmore output'));
    expect(info.message).not.toMatch(/get-creds|s3cr3t|output/);
  });

  it('explains keys IVS rejects, without the SDK’s placeholder "UnknownError"', () => {
    const info = describeIvsError(answered('UnrecognizedClientException', 'UnknownError'));
    expect(info).toEqual({
      code: 'UnrecognizedClientException',
      message: expect.stringMatching(/access key.*\(UnrecognizedClientException\)$/),
    });
    expect(describeIvsError(answered('InvalidSignatureException', 'Signature expired')).message).toMatch(/secret key.*clock/);
    expect(describeIvsError(answered('ExpiredTokenException', 'The security token included in the request is expired')).message).toMatch(
      /expired/,
    );
  });

  it('tells a network failure from any other unexpected error', () => {
    expect(describeIvsError(new Error('connect ECONNREFUSED 127.0.0.1:4599')).code).toBe('NetworkError');
    expect(describeIvsError(new TypeError('x is undefined'))).toEqual({ code: 'Error', message: 'Something went wrong calling IVS.' });
  });
});
