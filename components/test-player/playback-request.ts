'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';

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

// Which channels' players are mounted now: the player follows the channel's live state, so the
// token generator's "Play with this token" appears and disappears with it.
const mounted = new Map<string, number>();
const watchers = new Set<() => void>();
const notify = () => watchers.forEach((w) => w());
const subscribe = (watcher: () => void) => {
  watchers.add(watcher);
  return () => void watchers.delete(watcher);
};

/** Marks this channel's player as present while the calling component is mounted. */
export function useRegisterTestPlayer(channelArn: string): void {
  useEffect(() => {
    mounted.set(channelArn, (mounted.get(channelArn) ?? 0) + 1);
    notify();
    return () => {
      const left = (mounted.get(channelArn) ?? 1) - 1;
      if (left > 0) mounted.set(channelArn, left);
      else mounted.delete(channelArn);
      notify();
    };
  }, [channelArn]);
}

/** Whether the page shows a test player for this channel right now. */
export function useTestPlayerPresent(channelArn: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => mounted.has(channelArn),
    () => false,
  );
}
