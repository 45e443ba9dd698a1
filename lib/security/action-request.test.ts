import { describe, expect, it } from 'vitest';
import { actionBodyRefusal, actionOriginRefusal } from './action-request';

const headers = (h: Record<string, string>) => new Headers(h);
const policy = { allowedOrigins: ['console.example.com', '*.admin.example.com'], trustForwardedHost: false };

describe('actionOriginRefusal', () => {
  it("lets the console's own origin and the allowed ones through", () => {
    expect(actionOriginRefusal(headers({ host: 'localhost:3000', origin: 'http://localhost:3000' }), policy)).toBeNull();
    expect(actionOriginRefusal(headers({ host: 'internal:3000', origin: 'https://console.example.com' }), policy)).toBeNull();
    expect(actionOriginRefusal(headers({ host: 'internal:3000', origin: 'https://eu.admin.example.com' }), policy)).toBeNull();
    expect(actionOriginRefusal(headers({ host: 'localhost:3000' }), policy)).toBeNull();
  });

  it('refuses another origin with 403, and a bad Origin with 400', () => {
    expect(actionOriginRefusal(headers({ host: 'localhost:3000', origin: 'https://evil.example' }), policy)).toMatchObject({ status: 403 });
    expect(actionOriginRefusal(headers({ host: 'internal:3000', origin: 'https://a.b.admin.example.com' }), policy)).toMatchObject({
      status: 403,
    });
    expect(actionOriginRefusal(headers({ host: 'localhost:3000', origin: 'not a url' }), policy)).toMatchObject({ status: 400 });
  });

  it('trusts X-Forwarded-Host only when told a proxy in front sets it', () => {
    const spoofed = headers({ host: 'localhost:3000', origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' });
    expect(actionOriginRefusal(spoofed, policy)).toMatchObject({ status: 403 });
    expect(actionOriginRefusal(spoofed, { ...policy, trustForwardedHost: true })).toBeNull();
    const proxied = headers({ host: 'internal:3000', origin: 'https://public.example', 'x-forwarded-host': 'public.example' });
    expect(actionOriginRefusal(proxied, { ...policy, trustForwardedHost: true })).toBeNull();
    expect(actionOriginRefusal(proxied, policy)).toMatchObject({ status: 403 });
  });
});

const post = (body: BodyInit, h: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8' }) =>
  new Request('http://localhost/channels', { method: 'POST', body, headers: h, duplex: 'half' } as RequestInit);

describe('actionBodyRefusal', () => {
  it('accepts an argument list as the browser sends it, and form data', async () => {
    expect(await actionBodyRefusal(post('[{"region":"eu-west-1"}]'))).toBeNull();
    const form = new FormData();
    form.set('1_name', 'x');
    const req = new Request('http://localhost/channels', { method: 'POST', body: form });
    expect(await actionBodyRefusal(req)).toBeNull();
    expect(await req.text()).toContain('1_name'); // still readable by Next
  });

  it('refuses a body that is not an action call with 400', async () => {
    expect(await actionBodyRefusal(post('{{{ not json'))).toMatchObject({ status: 400 });
    expect(await actionBodyRefusal(post(new Uint8Array([0xff, 0xfe, 0x00])))).toMatchObject({ status: 400 });
    expect(await actionBodyRefusal(post('garbage', { 'content-type': 'multipart/form-data; boundary=x' }))).toMatchObject({ status: 400 });
  });

  it('refuses a body over the limit with 413, whether or not it says its length', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    expect(await actionBodyRefusal(post(`["${big}"]`))).toMatchObject({ status: 413 });
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(`["${big}"]`));
        c.close();
      },
    });
    expect(await actionBodyRefusal(post(stream))).toMatchObject({ status: 413 });
  });
});
