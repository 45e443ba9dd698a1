import { describe, expect, it } from 'vitest';
import { playbackErrorMessage } from './playback-error';

const body = (error: string) => JSON.stringify([{ type: 'error', error, error_code: 'x' }]);

describe('playbackErrorMessage', () => {
  it('shows the IVS reason of a refused playlist', () => {
    expect(
      playbackErrorMessage({
        type: 'networkError',
        response: { code: 403, text: '' },
        networkDetails: { responseText: body('The playback token has expired.') },
      }),
    ).toBe('Playback refused (403): The playback token has expired.');
    expect(playbackErrorMessage({ type: 'networkError', response: { code: 404, text: body('The channel is not live.') } })).toBe(
      'Nothing to play (404): The channel is not live.',
    );
  });

  it('falls back to a plain sentence without a readable body', () => {
    expect(playbackErrorMessage({ type: 'networkError', response: { code: 403, text: '<html>' } })).toBe(
      'Playback refused (403): the playback token was not accepted.',
    );
    expect(playbackErrorMessage({ type: 'networkError', response: { code: 0 } })).toMatch(/could not be reached/);
    expect(playbackErrorMessage({ type: 'mediaError', details: 'bufferAppendError' })).toBe(
      'This browser could not decode the stream (bufferAppendError).',
    );
    expect(playbackErrorMessage({ type: 'networkError', response: { code: 500 } })).toBe('Playback failed (HTTP 500).');
  });
});
