'use client';

import dynamic from 'next/dynamic';
import { Suspense } from 'react';
import type { PrivatePlaybackPanelProps } from '@/components/private-playback/private-playback-panel';

// Only private channels show the token generator and the viewer revocation form (~10 KB gzipped with
// their schemas and the token signing): loaded, and preloaded by the server render, only on the page
// of a private channel, so a public channel's page does not carry them.
const PrivatePlaybackPanel = dynamic(() =>
  import('@/components/private-playback/private-playback-panel').then((m) => m.PrivatePlaybackPanel),
);

// Its own Suspense boundary: without one, the whole page would wait for this chunk to hydrate, and
// what the user typed meanwhile would be lost.
export function PrivatePlaybackSection(props: PrivatePlaybackPanelProps) {
  return (
    <Suspense fallback={null}>
      <PrivatePlaybackPanel {...props} />
    </Suspense>
  );
}
