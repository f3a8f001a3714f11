import { describe, expect, it } from 'vitest';
import { liveUrl } from './liveUrl';

describe('liveUrl', () => {
  it('appends the token as a query parameter', () => {
    expect(liveUrl('ws://localhost:3000/ws', 'abc')).toBe('ws://localhost:3000/ws?token=abc');
  });

  it('escapes characters that would break the query', () => {
    expect(liveUrl('wss://x.execute-api.eu-west-1.amazonaws.com/prod', 'a+b/c=&d')).toBe(
      'wss://x.execute-api.eu-west-1.amazonaws.com/prod?token=a%2Bb%2Fc%3D%26d',
    );
  });

  it('keeps query parameters already in the configured URL', () => {
    expect(liveUrl('wss://ws.example.test/prod?v=2', 't')).toBe('wss://ws.example.test/prod?v=2&token=t');
  });
});
