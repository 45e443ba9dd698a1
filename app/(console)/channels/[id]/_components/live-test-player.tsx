'use client';

import dynamic from 'next/dynamic';
import { Suspense } from 'react';
import type { LiveState } from '@/components/channel-list/live-query';
import type { TestPlayerProps } from '@/components/test-player/test-player';
import { useChannelLive } from './use-channel-live';

// The player is there only while the channel is live: its code loads then (hls.js itself loads when
// Play is pressed), not with every channel page. In its own Suspense boundary, so the rest of the page
// hydrates without waiting for it.
const TestPlayer = dynamic(() => import('@/components/test-player/test-player').then((m) => m.TestPlayer));

// The test player follows the live panel's polled state: it appears when the channel goes live and
// goes away (stopping playback) when the stream ends, without a reload.
export function LiveTestPlayer({ region, id, initial, ...player }: TestPlayerProps & { region: string; id: string; initial: LiveState }) {
  const { stream } = useChannelLive(region, id, initial);
  return stream ? (
    <Suspense fallback={null}>
      <TestPlayer {...player} />
    </Suspense>
  ) : null;
}
