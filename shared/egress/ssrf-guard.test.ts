import { describe, expect, it } from 'vitest';
import { addressAllowed, awsEgressPolicy, checkBrokerUrl, checkResolvedHost, checkUrl, EgressRefusedError, guardedLookup, type HostResolver } from './ssrf-guard';

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

describe('SSRF guard for MQTT brokers', () => {
  const resolvesTo = (table: Record<string, string[]>): HostResolver => async (host) => table[host] ?? [];

  it('refuses loopback, private, link-local and metadata literals in AWS, and other schemes or credentials', () => {
    for (const url of ['mqtt://127.0.0.1:1883', 'mqtt://localhost', 'mqtts://[::1]:8883', 'mqtt://10.0.0.5', 'mqtt://192.168.1.10:1883', 'mqtt://169.254.169.254', 'mqtt://[fe80::1]', 'mqtt://[::ffff:169.254.169.254]', 'https://broker.example.com', 'mqtt://u:p@broker.example.com', 'nope']) {
      expect(() => checkBrokerUrl(url, awsEgressPolicy), url).toThrow(EgressRefusedError);
    }
    expect(checkBrokerUrl('mqtts://broker.example.com:8883', awsEgressPolicy).hostname).toBe('broker.example.com');
    expect(checkBrokerUrl('mqtt://8.8.8.8', awsEgressPolicy).hostname).toBe('8.8.8.8');
  });

  it('locally allows loopback, still refuses private ranges unless the operator named the host', () => {
    expect(checkBrokerUrl('mqtt://127.0.0.1:1883', local).port).toBe('1883');
    expect(checkBrokerUrl('mqtt://localhost:1883', local).hostname).toBe('localhost');
    expect(() => checkBrokerUrl('mqtt://192.168.1.10:1883', local)).toThrow(EgressRefusedError);
    expect(checkBrokerUrl('mqtt://192.168.1.10:1883', { ...local, allowedHosts: ['192.168.1.10'] }).hostname).toBe('192.168.1.10');
  });

  it('resolves the name and refuses it when any address is not public', async () => {
    const resolve = resolvesTo({ 'rebind.example.com': ['93.184.216.34', '169.254.169.254'], 'broker.example.com': ['93.184.216.34'], 'home.lan': ['192.168.1.10'] });
    await expect(checkResolvedHost(new URL('mqtt://rebind.example.com'), awsEgressPolicy, resolve)).rejects.toThrow(/resolves to 169\.254\.169\.254/);
    await expect(checkResolvedHost(new URL('mqtt://home.lan'), local, resolve)).rejects.toThrow(EgressRefusedError);
    await expect(checkResolvedHost(new URL('mqtt://broker.example.com'), awsEgressPolicy, resolve)).resolves.toBeUndefined();
    await expect(checkResolvedHost(new URL('mqtt://home.lan'), { ...local, allowedHosts: ['home.lan'] }, resolve)).resolves.toBeUndefined();
    // Not resolvable yet: stored, and the connect-time guard decides.
    await expect(checkResolvedHost(new URL('mqtt://unknown.example.com'), awsEgressPolicy, resolve)).resolves.toBeUndefined();
  });

  it('refuses at connect time a name that resolves to loopback in AWS (the DNS answer is what counts)', async () => {
    const lookup = guardedLookup(awsEgressPolicy);
    const outcome = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (error) => resolve(error)));
    expect(outcome).toBeInstanceOf(EgressRefusedError);
    const allowed = await new Promise<Error | null>((resolve) => guardedLookup(local)('localhost', {}, (error) => resolve(error)));
    expect(allowed).toBeNull();
  });
});
