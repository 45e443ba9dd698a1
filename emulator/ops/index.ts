import { adConfigurationOps } from './ad-configurations';
import { channelOps } from './channels';
import type { HandlerTable } from './context';
import { playbackKeyOps } from './playback-keys';
import { recordingConfigOps } from './recording-configurations';
import { restrictionPolicyOps } from './restriction-policies';
import { streamKeyOps } from './stream-keys';
import { streamOps } from './streams';
import { tagOps } from './tags';
import { viewerRevocationOps } from './viewer-revocation';

// Every IVS operation, by the model's operation name.
export const handlers: HandlerTable = {
  ...channelOps,
  ...streamKeyOps,
  ...streamOps,
  ...playbackKeyOps,
  ...recordingConfigOps,
  ...restrictionPolicyOps,
  ...tagOps,
  ...adConfigurationOps,
  ...viewerRevocationOps,
};
