'use client';

import type { LiveState } from '@/components/channel-list/live-query';
import { TestPlayer, type TestPlayerProps } from '@/components/test-player/test-player';
import { useChannelLive } from './use-channel-live';

// The test player follows the live panel's polled state: it appears when the channel goes live and
// goes away (stopping playback) when the stream ends, without a reload.
export function LiveTestPlayer({ region, id, initial, ...player }: TestPlayerProps & { region: string; id: string; initial: LiveState }) {
  const { stream } = useChannelLive(region, id, initial);
  return stream ? <TestPlayer {...player} /> : null;
}
