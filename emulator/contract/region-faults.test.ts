import { describe, expect, it } from 'vitest';
import { AccessDeniedException, CreateChannelCommand, ListChannelsCommand, ListStreamsCommand } from '@aws-sdk/client-ivs';
import { ACCOUNT, messageOf, rejects, setupEmulator } from './helpers';

const env = setupEmulator();

// A region that refuses everything (IAM denies it, or it is not enabled for the account) while the
// others answer: "*" with a region scope, as the overview's e2e and bench use it.
describe('faults scoped to a region (control API)', () => {
  it('"*" in one region refuses every operation there, with IAM’s wording, and no other region', async () => {
    const frankfurt = env.client({ region: 'eu-central-1' });
    const tokyo = env.client({ region: 'ap-northeast-1' });
    await env.control.injectFault('*', 'AccessDeniedException', 3, { region: 'eu-central-1' });
    await tokyo.send(new CreateChannelCommand({ name: 'answers' }));
    const denied = await rejects(frankfurt.send(new ListChannelsCommand({})), AccessDeniedException, 403);
    expect(messageOf(denied)).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/local-ivs is not authorized to perform: ivs:ListChannels on resource: ` +
        `arn:aws:ivs:eu-central-1:${ACCOUNT}:* because no identity-based policy allows the ivs:ListChannels action`,
    );
    await rejects(frankfurt.send(new ListStreamsCommand({})), AccessDeniedException, 403);
    expect((await tokyo.send(new ListChannelsCommand({}))).channels).toHaveLength(1);
    expect(await env.control.ok('GET', 'faults')).toEqual({ '*': [{ error: 'AccessDeniedException', count: 1, region: 'eu-central-1' }] });
    await env.control.clearFaults('*', { region: 'eu-central-1' });
    expect((await frankfurt.send(new ListChannelsCommand({}))).channels).toEqual([]);
  });

  it('a region not enabled for the account: the front door’s UnrecognizedClientException', async () => {
    const mumbai = env.client({ region: 'ap-south-1' });
    await env.control.injectFault('ListChannels', 'UnrecognizedClientException', 1, { region: 'ap-south-1' });
    const err = (await mumbai.send(new ListChannelsCommand({})).catch((e: unknown) => e)) as {
      name: string;
      $metadata: { httpStatusCode: number };
    };
    expect([err.name, err.$metadata.httpStatusCode]).toEqual(['UnrecognizedClientException', 403]);
    expect(messageOf(err)).toBe('The security token included in the request is invalid.');
  });

  it('refuses "*" with a resource scope, and a region that is not one', async () => {
    const bad = async (body: Record<string, unknown>) =>
      (await env.control.call('POST', 'faults', { error: 'AccessDeniedException', ...body })).status;
    expect(await bad({ operation: '*', resourceName: 'x' })).toBe(400);
    expect(await bad({ operation: '*', region: 'Frankfurt' })).toBe(400);
    expect(await bad({ operation: 'NoSuchOperation', region: 'eu-west-1' })).toBe(400);
  });
});
