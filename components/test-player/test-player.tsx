'use client';

import type HlsType from 'hls.js';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { Textarea } from '@/components/ui/input';
import { tokenFromInput } from '@/lib/playback/local-playback-url';
import { playbackUrlWithToken } from '@/lib/playback/playback-token';
import { playbackErrorMessage } from './playback-error';
import { usePlaybackRequests, useRegisterTestPlayer } from './playback-request';

type Status = { state: 'idle' | 'loading' | 'playing' } | { state: 'error'; message: string };

export interface TestPlayerProps {
  channelArn: string;
  /** What the browser loads: the IVS playback URL, or the emulator's in local mode. */
  url: string;
  authorized: boolean;
  local: boolean;
}

const STATUS_TEXT = { idle: 'Not playing.', loading: 'Loading the stream…', playing: 'Playing.' };
const TOKEN_HINT =
  'Paste a playback token, or a playback URL that ends in ?token=…; or use “Play with this token” in the token generator below.';

// Plays the live channel in this browser with hls.js (native HLS where MSE is missing), so an
// operator can see that playback — and for private channels the token — really works.
export function TestPlayer({ channelArn, url, authorized, local }: TestPlayerProps) {
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const hlsRef = useRef<HlsType | null>(null);
  const attempt = useRef(0);
  const [tokenInput, setTokenInput] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const hydrated = useHydrated();

  const stop = () => {
    attempt.current++;
    hlsRef.current?.destroy();
    hlsRef.current = null;
    const video = videoRef.current;
    if (video?.getAttribute('src')) {
      video.removeAttribute('src');
      video.load();
    }
  };
  useEffect(() => stop, []);

  const play = async (tokenValue: string) => {
    stop();
    const token = authorized ? tokenFromInput(tokenValue) : '';
    if (authorized && !token) {
      setStatus({ state: 'error', message: 'This channel is private: paste a playback token first.' });
      return;
    }
    const video = videoRef.current;
    if (!video) return;
    const mine = attempt.current;
    const src = token ? playbackUrlWithToken(url, token) : url;
    const fail = (message: string) => {
      if (attempt.current !== mine) return;
      stop();
      setStatus({ state: 'error', message });
    };
    setStatus({ state: 'loading' });
    const { default: Hls } = await import('hls.js');
    if (attempt.current !== mine) return;
    if (Hls.isSupported()) {
      const hls = new Hls({ liveSyncDurationCount: 2 });
      hlsRef.current = hls;
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) fail(playbackErrorMessage(data));
      });
      hls.on(Hls.Events.MANIFEST_PARSED, () => void video.play().catch(() => undefined));
      hls.loadSource(src);
      hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = src;
      void video.play().catch(() => undefined);
    } else {
      fail('This browser can play neither HLS through Media Source Extensions nor natively.');
    }
  };

  useRegisterTestPlayer(channelArn);
  usePlaybackRequests(channelArn, (token) => {
    setTokenInput(token);
    rootRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    void play(token);
  });

  const onPlaying = () => setStatus((s) => (s.state === 'loading' ? { state: 'playing' } : s));
  return (
    <div ref={rootRef} className="space-y-3" data-testid="test-player" data-state={status.state}>
      {local && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Local mode: the emulator serves a synthetic test pattern while the channel is live, with IVS&apos;s token rules.
        </p>
      )}
      {/* Muted so that starting playback is allowed without a further gesture; unmute in the controls. */}
      <video
        ref={videoRef}
        controls
        muted
        playsInline
        crossOrigin="anonymous"
        onPlaying={onPlaying}
        className="aspect-video w-full max-w-xl rounded-md bg-black"
        aria-label="Test player"
      />
      {/* Disabled until hydrated: a click on Play before then would do nothing and say nothing. */}
      <fieldset disabled={!hydrated} className="min-w-0 space-y-3">
        {authorized && (
          <Field id={`${id}-token`} label="Token to play with" hint={TOKEN_HINT}>
            <Textarea
              id={`${id}-token`}
              rows={2}
              value={tokenInput}
              onChange={(e) => setTokenInput(e.target.value)}
              className="font-mono text-xs break-all"
              aria-describedby={describedBy(`${id}-token`, null, TOKEN_HINT)}
              spellCheck={false}
            />
          </Field>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="primary" size="sm" onClick={() => void play(tokenInput)} pending={status.state === 'loading'}>
            Play
          </Button>
          <Button variant="secondary" size="sm" onClick={() => (stop(), setStatus({ state: 'idle' }))} disabled={status.state === 'idle'}>
            Stop
          </Button>
          <p
            role="status"
            className={status.state === 'error' ? 'text-sm text-red-700 dark:text-red-400' : 'text-sm text-zinc-600 dark:text-zinc-400'}
            data-testid="test-player-status"
          >
            {status.state === 'error' ? status.message : STATUS_TEXT[status.state]}
          </p>
        </div>
      </fieldset>
    </div>
  );
}
