import { describe, expect, it } from 'vitest';
import { isLocalHost } from './demoHint';

describe('isLocalHost', () => {
  it('recognises the local stack', () => {
    expect(isLocalHost('localhost')).toBe(true);
    expect(isLocalHost('127.0.0.1')).toBe(true);
    expect(isLocalHost('[::1]')).toBe(true);
    expect(isLocalHost('pitwatch.localhost')).toBe(true);
  });

  it('hides the hint on real deployments', () => {
    expect(isLocalHost('d111111abcdef8.cloudfront.net')).toBe(false);
    expect(isLocalHost('localhost.example.com')).toBe(false);
  });
});
