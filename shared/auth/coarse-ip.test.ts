import { describe, expect, it } from 'vitest';
import { coarseIp } from './coarse-ip';

describe('coarseIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:127.0.0.1', '127.0.0.0/24'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd::/48'],
    ['2001:0db8:0000:0042:0000:8a2e:0370:7334', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['not an ip', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (ip, expected) => {
    expect(coarseIp(ip)).toBe(expected);
  });
});
