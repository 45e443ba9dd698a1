import { describe, expect, it } from 'vitest';
import {
  ConflictException,
  CreateChannelCommand,
  CreateRecordingConfigurationCommand,
  DeleteRecordingConfigurationCommand,
  GetRecordingConfigurationCommand,
  ListChannelsCommand,
  ListRecordingConfigurationsCommand,
  ResourceNotFoundException,
  UpdateChannelCommand,
  ValidationException,
  type CreateRecordingConfigurationCommandInput,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, REGION, arnPattern, eventually, messageOf, rejects, setupEmulator } from './helpers';

const env = setupEmulator();
const missingArn = `arn:aws:ivs:${REGION}:${ACCOUNT}:recording-configuration/abcdABCDefgh`;
const s3 = (bucketName: string) => ({ s3: { bucketName } });
const create = (input: Partial<CreateRecordingConfigurationCommandInput> = {}) =>
  env.ivs.send(new CreateRecordingConfigurationCommand({ destinationConfiguration: s3('my-recordings'), ...input }));
const get = (arn: string) => env.ivs.send(new GetRecordingConfigurationCommand({ arn }));

describe('CreateRecordingConfiguration', () => {
  it('starts CREATING with documented defaults and becomes ACTIVE', async () => {
    const out = await create({ name: 'rec-1', tags: { a: 'b' } });
    expect(out.$metadata.httpStatusCode).toBe(200);
    const rc = out.recordingConfiguration!;
    expect(rc.arn).toMatch(arnPattern('recording-configuration'));
    expect(rc).toMatchObject({
      name: 'rec-1',
      state: 'CREATING',
      destinationConfiguration: s3('my-recordings'),
      tags: { a: 'b' },
      recordingReconnectWindowSeconds: 0,
    });
    expect(rc.thumbnailConfiguration).toMatchObject({ recordingMode: 'INTERVAL', targetIntervalSeconds: 60, storage: ['SEQUENTIAL'] });
    expect(rc.renditionConfiguration).toMatchObject({ renditionSelection: 'ALL' });
    const active = await eventually(
      async () => {
        const { recordingConfiguration } = await get(rc.arn!);
        expect(recordingConfiguration?.state).toBe('ACTIVE');
        return recordingConfiguration!;
      },
      10_000,
      100,
    );
    expect(active).toMatchObject({ arn: rc.arn, name: 'rec-1', destinationConfiguration: s3('my-recordings') });
  });

  it('keeps thumbnail, rendition and reconnect settings', async () => {
    const rc = (
      await create({
        recordingReconnectWindowSeconds: 300,
        thumbnailConfiguration: {
          recordingMode: 'INTERVAL',
          targetIntervalSeconds: 10,
          resolution: 'HD',
          storage: ['SEQUENTIAL', 'LATEST'],
        },
        renditionConfiguration: { renditionSelection: 'CUSTOM', renditions: ['HD', 'SD'] },
      })
    ).recordingConfiguration!;
    expect(rc.recordingReconnectWindowSeconds).toBe(300);
    expect(rc.thumbnailConfiguration).toMatchObject({ targetIntervalSeconds: 10, resolution: 'HD', storage: ['SEQUENTIAL', 'LATEST'] });
    expect(rc.renditionConfiguration).toMatchObject({ renditionSelection: 'CUSTOM', renditions: ['HD', 'SD'] });
  });

  it.each([
    ['too short', 'ab'],
    ['too long', 'a'.repeat(64)],
    ['upper case', 'My-Bucket'],
    ['underscore', 'my_bucket'],
    ['empty', ''],
  ])('refuses a bucket name that is %s', async (_label, bucket) => {
    const err = await rejects(create({ destinationConfiguration: s3(bucket) }), ValidationException, 400);
    expect(messageOf(err)).toMatch(/bucketName/);
  });

  it('refuses other invalid input', async () => {
    await rejects(create({ destinationConfiguration: {} }), ValidationException, 400);
    await rejects(create({ name: 'has space' }), ValidationException);
    await rejects(create({ recordingReconnectWindowSeconds: 301 }), ValidationException);
    await rejects(create({ thumbnailConfiguration: { targetIntervalSeconds: 61 } }), ValidationException);
    await rejects(create({ thumbnailConfiguration: { targetIntervalSeconds: 0 } }), ValidationException);
    await rejects(create({ thumbnailConfiguration: { recordingMode: 'SOMETIMES' as never } }), ValidationException);
    await rejects(create({ renditionConfiguration: { renditionSelection: 'CUSTOM' } }), ValidationException);
  });
});

describe('Get / List / DeleteRecordingConfiguration', () => {
  it('gets, and refuses missing or malformed ARNs', async () => {
    await rejects(get(missingArn), ResourceNotFoundException, 404);
    await rejects(get('recording-configuration/x'), ValidationException, 400);
  });

  it('lists summaries and pages', async () => {
    await env.control.reset();
    const arns = await Promise.all([1, 2, 3].map(async (i) => (await create({ name: `r${i}` })).recordingConfiguration!.arn!));
    const all = await env.ivs.send(new ListRecordingConfigurationsCommand({}));
    expect(all.recordingConfigurations!.map((r) => r.arn).sort()).toEqual([...arns].sort());
    expect(all.recordingConfigurations![0]).toMatchObject({ destinationConfiguration: s3('my-recordings') });
    expect(['CREATING', 'ACTIVE']).toContain(all.recordingConfigurations![0].state);
    const first = await env.ivs.send(new ListRecordingConfigurationsCommand({ maxResults: 2 }));
    const rest = await env.ivs.send(new ListRecordingConfigurationsCommand({ maxResults: 2, nextToken: first.nextToken }));
    expect(first.recordingConfigurations).toHaveLength(2);
    expect([...first.recordingConfigurations!, ...rest.recordingConfigurations!].map((r) => r.arn).sort()).toEqual([...arns].sort());
    await rejects(env.ivs.send(new ListRecordingConfigurationsCommand({ maxResults: 0 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListRecordingConfigurationsCommand({ maxResults: 101 })), ValidationException, 400);
    await rejects(
      env.ivs.send(new ListRecordingConfigurationsCommand({ nextToken: 'bm90LWEtcmVhbC10b2tlbg==' })),
      ValidationException,
      400,
    );
  });

  it('is used by channels, filters ListChannels, and cannot be deleted while in use', async () => {
    const rcArn = (await create()).recordingConfiguration!.arn!;
    const ch = (await env.ivs.send(new CreateChannelCommand({ name: 'recorded', recordingConfigurationArn: rcArn }))).channel!;
    expect(ch.recordingConfigurationArn).toBe(rcArn);
    await env.ivs.send(new CreateChannelCommand({ name: 'unrecorded' }));
    const filtered = await env.ivs.send(new ListChannelsCommand({ filterByRecordingConfigurationArn: rcArn }));
    expect(filtered.channels!.map((c) => c.arn)).toEqual([ch.arn]);
    expect(filtered.channels![0].recordingConfigurationArn).toBe(rcArn);

    await rejects(env.ivs.send(new DeleteRecordingConfigurationCommand({ arn: rcArn })), ConflictException, 409);
    await env.ivs.send(new UpdateChannelCommand({ arn: ch.arn, recordingConfigurationArn: '' }));
    const del = await env.ivs.send(new DeleteRecordingConfigurationCommand({ arn: rcArn }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    await rejects(get(rcArn), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new DeleteRecordingConfigurationCommand({ arn: rcArn })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new DeleteRecordingConfigurationCommand({ arn: 'x' })), ValidationException, 400);
  });
});
