import { describe, expect, it } from 'vitest';
import type { ReadingMessage } from '../../../shared/api/schemas';
import { createReadingHub } from './readingHub';

const reading = (serial: string): ReadingMessage => ({
  type: 'reading',
  serial,
  channel: '1',
  value: 100,
  units: 'F',
  status: 'normal',
  probeConnected: true,
  at: '2026-01-01T00:00:00.000Z',
});

describe('createReadingHub', () => {
  it('delivers readings only to listeners of that serial, until they unsubscribe', () => {
    const hub = createReadingHub();
    const a: string[] = [];
    const b: string[] = [];
    const stopA = hub.subscribe('A', (r) => a.push(r.serial));
    hub.subscribe('B', (r) => b.push(r.serial));
    hub.publish(reading('A'));
    hub.publish(reading('B'));
    hub.publish(reading('C'));
    stopA();
    hub.publish(reading('A'));
    expect(a).toEqual(['A']);
    expect(b).toEqual(['B']);
  });

  it('keeps calling the other listeners when one unsubscribes during delivery', () => {
    const hub = createReadingHub();
    const calls: string[] = [];
    const stopFirst = hub.subscribe('A', () => {
      calls.push('first');
      stopFirst();
    });
    hub.subscribe('A', () => calls.push('second'));
    hub.publish(reading('A'));
    hub.publish(reading('A'));
    expect(calls).toEqual(['first', 'second', 'second']);
  });
});
