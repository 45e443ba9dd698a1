import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

const github = { AWS_REGION: 'us-west-2', AUTH_GITHUB_ID: 'id', AUTH_GITHUB_SECRET: 'secret' };

describe('AUTH_GITHUB_ENTERPRISE_URL', () => {
  it('is optional: unset means github.com', () => {
    expect(parseEnv(github).AUTH_GITHUB_ENTERPRISE_URL).toBeUndefined();
  });

  it('accepts an https root URL and drops a trailing slash (Auth.js appends /login/oauth/... itself)', () => {
    expect(parseEnv({ ...github, AUTH_GITHUB_ENTERPRISE_URL: 'https://github.example.com/' }).AUTH_GITHUB_ENTERPRISE_URL).toBe(
      'https://github.example.com',
    );
    expect(parseEnv({ ...github, AUTH_GITHUB_ENTERPRISE_URL: 'https://ghe.example.com:8443' }).AUTH_GITHUB_ENTERPRISE_URL).toBe(
      'https://ghe.example.com:8443',
    );
  });

  it('refuses plain http to any host but this machine, since the OAuth code and token travel there', () => {
    for (const url of ['http://github.example.com', 'http://10.0.0.5', 'http://127.example.com', 'http://localhost.example.com']) {
      expect(() => parseEnv({ ...github, AUTH_GITHUB_ENTERPRISE_URL: url }), url).toThrow(/AUTH_GITHUB_ENTERPRISE_URL: must use https/);
    }
  });

  it('allows http on loopback, for a local stand-in', () => {
    for (const url of ['http://127.0.0.1:4612', 'http://localhost:4612', 'http://[::1]:4612']) {
      expect(parseEnv({ ...github, AUTH_GITHUB_ENTERPRISE_URL: url }).AUTH_GITHUB_ENTERPRISE_URL).toBe(url);
    }
  });

  it('refuses a URL with a path, such as the API base pasted by mistake', () => {
    expect(() => parseEnv({ ...github, AUTH_GITHUB_ENTERPRISE_URL: 'https://github.example.com/api/v3' })).toThrow(
      /root URL, without a path/,
    );
    expect(() => parseEnv({ ...github, AUTH_GITHUB_ENTERPRISE_URL: 'https://github.example.com/?x=1' })).toThrow(/root URL/);
  });

  it('refuses what is not a URL, and other schemes', () => {
    expect(() => parseEnv({ ...github, AUTH_GITHUB_ENTERPRISE_URL: 'github.example.com' })).toThrow(/AUTH_GITHUB_ENTERPRISE_URL/);
    expect(() => parseEnv({ ...github, AUTH_GITHUB_ENTERPRISE_URL: 'ftp://github.example.com' })).toThrow(/must use https/);
  });

  it('needs the OAuth app’s id and secret', () => {
    expect(() => parseEnv({ AWS_REGION: 'us-west-2', AUTH_GITHUB_ENTERPRISE_URL: 'https://github.example.com' })).toThrow(
      /AUTH_GITHUB_ID \/ AUTH_GITHUB_SECRET: required with AUTH_GITHUB_ENTERPRISE_URL/,
    );
  });
});

describe('parseEnv', () => {
  it('reads the mode and the default region', () => {
    expect(parseEnv({}).mode).toBe('local');
    expect(parseEnv({ AWS_REGION: 'eu-west-1' })).toMatchObject({ mode: 'aws', defaultRegion: 'eu-west-1' });
    expect(() => parseEnv({ IVS_MODE: 'aws' })).toThrow(/AWS_REGION: required/);
  });
});

describe('the store', () => {
  it('takes AUDIT_RETENTION_DAYS as a whole number of days, unset meaning keep everything', () => {
    expect(parseEnv({}).AUDIT_RETENTION_DAYS).toBeUndefined();
    expect(parseEnv({ AUDIT_RETENTION_DAYS: '90' }).AUDIT_RETENTION_DAYS).toBe(90);
    for (const bad of ['0', '-3', '1.5', 'ninety']) expect(() => parseEnv({ AUDIT_RETENTION_DAYS: bad })).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  it('wants DATABASE_URL as a postgres URL, so a typo does not silently mean another store', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://u@db/console' }).DATABASE_URL).toBe('postgres://u@db/console');
    expect(() => parseEnv({ DATABASE_URL: 'mysql://u@db/console' })).toThrow(/DATABASE_URL/);
  });
});

describe('TRUST_FORWARDED_HOST', () => {
  it('is off unless set to true, and refuses anything but true or false', () => {
    expect(parseEnv({}).TRUST_FORWARDED_HOST).toBe(false);
    expect(parseEnv({ TRUST_FORWARDED_HOST: 'false' }).TRUST_FORWARDED_HOST).toBe(false);
    expect(parseEnv({ TRUST_FORWARDED_HOST: 'true' }).TRUST_FORWARDED_HOST).toBe(true);
    expect(() => parseEnv({ TRUST_FORWARDED_HOST: 'yes' })).toThrow(/TRUST_FORWARDED_HOST must be true or false/);
  });
});

describe('sessions', () => {
  it('default to 12 h of life, a role check every 5 min and reveals within 1 h of sign-in', () => {
    const env = parseEnv({});
    expect([env.SESSION_MAX_AGE_MINUTES, env.SESSION_ROLE_CHECK_SECONDS, env.REVEAL_MAX_SESSION_AGE_MINUTES]).toEqual([720, 300, 60]);
  });

  it('take whole numbers in range and name the bad setting', () => {
    expect(parseEnv({ SESSION_MAX_AGE_MINUTES: '480', SESSION_ROLE_CHECK_SECONDS: '60' })).toMatchObject({
      SESSION_MAX_AGE_MINUTES: 480,
      SESSION_ROLE_CHECK_SECONDS: 60,
    });
    for (const bad of ['0', '1.5', 'soon', '99999999'])
      expect(() => parseEnv({ SESSION_MAX_AGE_MINUTES: bad })).toThrow(/SESSION_MAX_AGE_MINUTES/);
    expect(() => parseEnv({ SESSION_ROLE_CHECK_SECONDS: '1' })).toThrow(/SESSION_ROLE_CHECK_SECONDS/);
    expect(() => parseEnv({ REVEAL_MAX_SESSION_AGE_MINUTES: '0' })).toThrow(/REVEAL_MAX_SESSION_AGE_MINUTES/);
  });
});
