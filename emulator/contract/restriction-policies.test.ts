import { describe, expect, it } from 'vitest';
import {
  ConflictException,
  CreateChannelCommand,
  CreatePlaybackRestrictionPolicyCommand,
  DeletePlaybackRestrictionPolicyCommand,
  GetPlaybackRestrictionPolicyCommand,
  ListChannelsCommand,
  ListPlaybackRestrictionPoliciesCommand,
  ResourceNotFoundException,
  UpdateChannelCommand,
  UpdatePlaybackRestrictionPolicyCommand,
  ValidationException,
  type CreatePlaybackRestrictionPolicyCommandInput,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, REGION, arnPattern, messageOf, rejects, setupEmulator } from './helpers';

const env = setupEmulator();
const missingArn = `arn:aws:ivs:${REGION}:${ACCOUNT}:playback-restriction-policy/abcdABCDefgh`;
const create = (input: CreatePlaybackRestrictionPolicyCommandInput = {}) => env.ivs.send(new CreatePlaybackRestrictionPolicyCommand(input));
const update = (arn: string, input: Omit<CreatePlaybackRestrictionPolicyCommandInput, 'tags'>) =>
  env.ivs.send(new UpdatePlaybackRestrictionPolicyCommand({ arn, ...input }));

describe('CreatePlaybackRestrictionPolicy', () => {
  it('defaults to all countries, all origins, no strict enforcement', async () => {
    const out = await create();
    expect(out.$metadata.httpStatusCode).toBe(200);
    const p = out.playbackRestrictionPolicy!;
    expect(p.arn).toMatch(arnPattern('playback-restriction-policy'));
    expect(p).toMatchObject({ allowedCountries: [], allowedOrigins: [], enableStrictOriginEnforcement: false });
    expect(p.name ?? '').toBe('');
  });

  it('keeps the given settings', async () => {
    const input = {
      name: 'eu-only',
      allowedCountries: ['DE', 'FR'],
      allowedOrigins: ['https://example.com'],
      enableStrictOriginEnforcement: true,
      tags: { x: 'y' },
    };
    expect((await create(input)).playbackRestrictionPolicy).toMatchObject(input);
  });

  it.each([
    ['three letters', 'USA'],
    ['one letter', 'U'],
    ['not an ISO 3166-1 code', 'XX'],
  ])('refuses a country that is %s', async (_label, country) => {
    const err = await rejects(create({ allowedCountries: ['US', country] }), ValidationException, 400);
    expect(messageOf(err)).toMatch(/allowedCountries|country/i);
  });

  it('refuses over-long origins and bad names', async () => {
    await rejects(create({ allowedOrigins: [`https://${'a'.repeat(128)}.com`] }), ValidationException, 400);
    await rejects(create({ name: 'no spaces' }), ValidationException, 400);
    await rejects(create({ name: 'x'.repeat(129) }), ValidationException, 400);
  });
});

describe('Get / Update / List / DeletePlaybackRestrictionPolicy', () => {
  it('gets, and refuses missing or malformed ARNs', async () => {
    const { playbackRestrictionPolicy } = await create({ name: 'g' });
    const got = await env.ivs.send(new GetPlaybackRestrictionPolicyCommand({ arn: playbackRestrictionPolicy!.arn }));
    expect(got.playbackRestrictionPolicy).toEqual(playbackRestrictionPolicy);
    await rejects(env.ivs.send(new GetPlaybackRestrictionPolicyCommand({ arn: missingArn })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new GetPlaybackRestrictionPolicyCommand({ arn: 'policy' })), ValidationException, 400);
  });

  it('updates only the given fields', async () => {
    const { playbackRestrictionPolicy: p } = await create({
      name: 'before',
      allowedCountries: ['US'],
      allowedOrigins: ['https://a.example'],
    });
    const out = await update(p!.arn!, { allowedCountries: ['CA', 'MX'], enableStrictOriginEnforcement: true });
    expect(out.playbackRestrictionPolicy).toMatchObject({
      arn: p!.arn,
      name: 'before',
      allowedCountries: ['CA', 'MX'],
      allowedOrigins: ['https://a.example'],
      enableStrictOriginEnforcement: true,
    });
    const got = await env.ivs.send(new GetPlaybackRestrictionPolicyCommand({ arn: p!.arn }));
    expect(got.playbackRestrictionPolicy?.allowedCountries).toEqual(['CA', 'MX']);
    await rejects(update(p!.arn!, { allowedCountries: ['ZZZ'] }), ValidationException, 400);
    await rejects(update(missingArn, { name: 'x' }), ResourceNotFoundException, 404);
  });

  it('lists one policy by default (documented default 1) and pages', async () => {
    await env.control.reset();
    const arns = await Promise.all([1, 2, 3].map(async (i) => (await create({ name: `p${i}` })).playbackRestrictionPolicy!.arn));
    const first = await env.ivs.send(new ListPlaybackRestrictionPoliciesCommand({}));
    expect(first.playbackRestrictionPolicies).toHaveLength(1);
    expect(first.nextToken).toBeTruthy();
    const rest = await env.ivs.send(new ListPlaybackRestrictionPoliciesCommand({ maxResults: 100, nextToken: first.nextToken }));
    expect([...first.playbackRestrictionPolicies!, ...rest.playbackRestrictionPolicies!].map((p) => p.arn).sort()).toEqual(
      [...arns].sort(),
    );
    expect(rest.playbackRestrictionPolicies![0]).toHaveProperty('allowedCountries');
    await rejects(env.ivs.send(new ListPlaybackRestrictionPoliciesCommand({ maxResults: 0 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListPlaybackRestrictionPoliciesCommand({ maxResults: 101 })), ValidationException, 400);
    await rejects(
      env.ivs.send(new ListPlaybackRestrictionPoliciesCommand({ nextToken: 'bm90LWEtcmVhbC10b2tlbg==' })),
      ValidationException,
      400,
    );
  });

  it('is used by channels, filters ListChannels, and cannot be deleted while in use', async () => {
    const policyArn = (await create()).playbackRestrictionPolicy!.arn!;
    const ch = (await env.ivs.send(new CreateChannelCommand({ name: 'restricted', playbackRestrictionPolicyArn: policyArn }))).channel!;
    expect(ch.playbackRestrictionPolicyArn).toBe(policyArn);
    await env.ivs.send(new CreateChannelCommand({ name: 'open' }));
    const filtered = await env.ivs.send(new ListChannelsCommand({ filterByPlaybackRestrictionPolicyArn: policyArn }));
    expect(filtered.channels!.map((c) => c.arn)).toEqual([ch.arn]);
    await rejects(
      env.ivs.send(new ListChannelsCommand({ filterByPlaybackRestrictionPolicyArn: policyArn, filterByName: 'restricted' })),
      ConflictException,
      409,
    );

    await rejects(env.ivs.send(new DeletePlaybackRestrictionPolicyCommand({ arn: policyArn })), ConflictException, 409);
    await env.ivs.send(new UpdateChannelCommand({ arn: ch.arn, playbackRestrictionPolicyArn: '' }));
    const del = await env.ivs.send(new DeletePlaybackRestrictionPolicyCommand({ arn: policyArn }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    await rejects(env.ivs.send(new DeletePlaybackRestrictionPolicyCommand({ arn: policyArn })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new DeletePlaybackRestrictionPolicyCommand({ arn: 'x' })), ValidationException, 400);
    await rejects(
      env.ivs.send(new UpdateChannelCommand({ arn: ch.arn, playbackRestrictionPolicyArn: policyArn })),
      ResourceNotFoundException,
      404,
    );
  });
});
