import { describe, expect, it } from 'vitest';
import { HttpError, shouldRetryQuery } from './http-error';

describe('shouldRetryQuery', () => {
  it('never retries an ended session, a refusal or a missing resource, whatever the message says', () => {
    for (const status of [401, 403, 404]) {
      expect(shouldRetryQuery(0, new HttpError(status, 'Your session has ended. Sign in again.')), String(status)).toBe(false);
    }
  });

  it('retries a server failure or a network error twice, then gives up', () => {
    for (const error of [new HttpError(503, 'Live state could not be refreshed (HTTP 503).'), new TypeError('Failed to fetch')]) {
      expect(shouldRetryQuery(0, error)).toBe(true);
      expect(shouldRetryQuery(1, error)).toBe(true);
      expect(shouldRetryQuery(2, error)).toBe(false);
    }
  });

  it('judges by the status, not by digits in the text', () => {
    expect(shouldRetryQuery(0, new HttpError(500, 'channel 404-studio failed'))).toBe(true);
  });
});
