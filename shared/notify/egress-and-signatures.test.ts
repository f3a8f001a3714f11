import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addressAllowed, awsEgressPolicy, checkUrl, EgressRefusedError } from './ssrf-guard';
import { signWebhook, verifyWebhook } from './webhook-signature';

const local = { allowLoopback: true };

describe('SSRF guard', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false], // instance metadata
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:10.0.0.1', false], // IPv4-mapped private
    ['::ffff:169.254.169.254', false],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
  ])('in AWS, %s allowed: %s', (address, allowed) => {
    expect(addressAllowed(address, awsEgressPolicy)).toBe(allowed);
  });

  it('locally allows loopback (http too) but still refuses private ranges', () => {
    expect(addressAllowed('127.0.0.1', local)).toBe(true);
    expect(addressAllowed('::1', local)).toBe(true);
    expect(addressAllowed('10.0.0.1', local)).toBe(false);
    expect(checkUrl('http://127.0.0.1:8123/api/webhook/x', local).port).toBe('8123');
    expect(checkUrl('http://localhost:8123/hook', local).hostname).toBe('localhost');
  });

  it('in AWS refuses http, loopback literals, other schemes and credentials in the URL', () => {
    for (const url of ['http://hooks.example.com/x', 'https://127.0.0.1/x', 'https://[::1]/x', 'https://169.254.169.254/latest', 'ftp://example.com/x', 'https://user:pw@example.com/x', 'not a url']) {
      expect(() => checkUrl(url, awsEgressPolicy), url).toThrow(EgressRefusedError);
    }
    expect(checkUrl('https://hooks.example.com/x', awsEgressPolicy).hostname).toBe('hooks.example.com');
  });
});

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
