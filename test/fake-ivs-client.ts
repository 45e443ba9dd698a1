import { IvsClient } from '@aws-sdk/client-ivs';

/**
 * An IvsClient whose `send` is the test's own function. It must be a real instance: the SDK's
 * paginate* helpers, which lib/ivs uses for listings, refuse any other client.
 */
export function fakeIvsClient(send: (...args: never[]) => unknown): IvsClient {
  return Object.assign(Object.create(IvsClient.prototype) as IvsClient, { send });
}
