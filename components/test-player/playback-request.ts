'use client';

import { useEffect, useRef } from 'react';

// Lets the token generator hand a fresh token to the test player on the same page without either
// owning the other (they are separate sections, rendered by a server page).
const EVENT = 'test-player:play';

interface PlaybackRequest {
  channelArn: string;
  token: string;
}

/** Asks the channel's test player, if the page shows one, to play with this token. */
export function requestTestPlayback(channelArn: string, token: string): void {
  window.dispatchEvent(new CustomEvent<PlaybackRequest>(EVENT, { detail: { channelArn, token } }));
}

/** Calls `onRequest(token)` whenever the page asks this channel's player to play. */
export function usePlaybackRequests(channelArn: string, onRequest: (token: string) => void): void {
  const latest = useRef(onRequest);
  useEffect(() => {
    latest.current = onRequest;
  });
  useEffect(() => {
    const listener = (event: Event) => {
      const { detail } = event as CustomEvent<PlaybackRequest>;
      if (detail?.channelArn === channelArn) latest.current(detail.token);
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [channelArn]);
}
