import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe('Pitwatch-Signature', () => {
  const at = new Date('2026-12-02T12:00:00Z');
  const body = '{"type":"alarm"}';

  it('is t=<unix>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const header = signWebhook('whsec_x', body, at);
    const t = Math.floor(at.getTime() / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', 'whsec_x').update(`${t}.${body}`).digest('hex')}`);
  });

  it('verifies with the secret and body it signed, within five minutes, and nothing else', () => {
    const header = signWebhook('whsec_x', body, at);
    expect(verifyWebhook('whsec_x', body, header, at)).toBe(true);
    expect(verifyWebhook('whsec_y', body, header, at)).toBe(false);
    expect(verifyWebhook('whsec_x', `${body} `, header, at)).toBe(false);
    expect(verifyWebhook('whsec_x', body, header, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifyWebhook('whsec_x', body, 't=1,v1=zz', at)).toBe(false);
  });
});
