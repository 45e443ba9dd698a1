import type { CreateAdConfigurationRequest, UpdateAdConfigurationRequest } from '@aws-sdk/client-ivs';
import { conflict, notBroadcasting } from '../errors';
import { adBreakId, makeArn } from '../ids';
import { project } from '../model';
import type { AdConfigRec } from '../records';
import { mustGet, type HandlerTable } from './context';
import { paginate } from './paging';
import { checkNewTags } from './tag-rules';

export const adConfigurationOps: HandlerTable = {
  CreateAdConfiguration(ctx, input: CreateAdConfigurationRequest) {
    const rec: AdConfigRec = {
      arn: makeArn(ctx.region, ctx.accountId, 'ad-configuration'),
      name: input.name ?? '',
      mediaTailorPlaybackConfigurations: input.mediaTailorPlaybackConfigurations ?? [],
      // The model documents the default: post-roll disabled, 15 seconds.
      postRollConfiguration: input.postRollConfiguration
        ? { durationSeconds: input.postRollConfiguration.durationSeconds!, enabled: input.postRollConfiguration.enabled! }
        : { durationSeconds: 15, enabled: false },
      tags: checkNewTags({}, input.tags),
    };
    ctx.state.adConfigs.set(rec);
    ctx.store.changed();
    return { adConfiguration: project(rec, 'AdConfiguration') };
  },

  GetAdConfiguration(ctx, input: { arn: string }) {
    return { adConfiguration: project(mustGet(ctx.state.adConfigs, input.arn), 'AdConfiguration') };
  },

  ListAdConfigurations(ctx, input: { nextToken?: string; maxResults?: number }) {
    const page = paginate(ctx.state.adConfigs.list(), 'ListAdConfigurations', input, 100);
    return { adConfigurations: page.items.map((a) => project(a, 'AdConfigurationSummary')), nextToken: page.nextToken };
  },

  UpdateAdConfiguration(ctx, input: UpdateAdConfigurationRequest) {
    const rec = mustGet(ctx.state.adConfigs, input.arn!);
    if (input.name !== undefined) rec.name = input.name;
    if (input.mediaTailorPlaybackConfigurations !== undefined)
      rec.mediaTailorPlaybackConfigurations = input.mediaTailorPlaybackConfigurations;
    if (input.postRollConfiguration !== undefined) {
      rec.postRollConfiguration = {
        durationSeconds: input.postRollConfiguration.durationSeconds!,
        enabled: input.postRollConfiguration.enabled!,
      };
    }
    ctx.store.changed();
    return { adConfiguration: project(rec, 'AdConfiguration') };
  },

  DeleteAdConfiguration(ctx, input: { arn: string }) {
    mustGet(ctx.state.adConfigs, input.arn);
    const user = ctx.state.channels.list().find((c) => c.adConfigurationArn === input.arn);
    if (user) throw conflict(`Ad configuration ${input.arn} is used by channel ${user.arn}.`);
    ctx.state.adConfigs.delete(input.arn);
    ctx.store.changed();
  },

  // Ad markers go into a live playlist, so the channel must be broadcasting with ads configured.
  InsertAdBreak(ctx, input: { channelArn: string; durationSeconds: number }) {
    const channel = mustGet(ctx.state.channels, input.channelArn);
    if (!channel.adConfigurationArn) throw conflict(`Channel ${channel.arn} has no ad configuration; set adConfigurationArn first.`);
    if (!ctx.state.live.has(channel.arn)) throw notBroadcasting(`Channel ${channel.arn} is not currently online.`);
    const id = adBreakId();
    const session = ctx.state.sessions.get(channel.arn)?.at(-1);
    session?.truncatedEvents.push({ name: 'Ad Break Inserted', type: 'IVS Stream State Change', eventTime: ctx.now.toISOString() });
    ctx.store.changed();
    return { adBreakId: id };
  },
};
