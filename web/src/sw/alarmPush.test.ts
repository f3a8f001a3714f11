import { describe, expect, it } from 'vitest';
import { alarmNotification, clickOutcome, readPushPayload } from './alarmPush';

const pushed = {
  title: 'URGENT: Brisket',
  body: 'Probe 2 at or above 203 °F (203.4 °F)',
  urgent: true,
  tag: 'pitwatch-evt-1',
  url: 'https://app.test/alarms',
  eventId: 'evt-1',
  linkUrl: 'https://api.test/alarm-links',
  ackToken: 'ack.sig',
  snoozeToken: 'snooze.sig',
};

describe('alarm push in the service worker', () => {
  it('shows the alarm with Acknowledge and Snooze 10 min, keeps an urgent one on screen, and replaces a repeat of the same event', () => {
    const { title, options } = alarmNotification(readPushPayload(pushed));
    expect(title).toBe('URGENT: Brisket');
    expect(options).toMatchObject({ body: pushed.body, tag: 'pitwatch-evt-1', renotify: true, requireInteraction: true });
    expect(options.actions).toEqual([
      { action: 'ack', title: 'Acknowledge' },
      { action: 'snooze', title: 'Snooze 10 min' },
    ]);
  });

  it('offers no button whose signed token is missing', () => {
    expect(alarmNotification(readPushPayload({ ...pushed, snoozeToken: null })).options.actions).toEqual([{ action: 'ack', title: 'Acknowledge' }]);
    expect(alarmNotification(readPushPayload({ ...pushed, linkUrl: null })).options.actions).toEqual([]);
  });

  it('still shows something for a push that is not ours', () => {
    expect(alarmNotification(readPushPayload('garbage'))).toMatchObject({ title: 'Pitwatch alarm', options: { tag: 'pitwatch-alarm', actions: [] } });
  });

  it('posts the token of the button clicked to the link URL; the body opens the alarm history', () => {
    expect(clickOutcome('ack', pushed)).toEqual({ kind: 'link', url: 'https://api.test/alarm-links', token: 'ack.sig' });
    expect(clickOutcome('snooze', pushed)).toEqual({ kind: 'link', url: 'https://api.test/alarm-links', token: 'snooze.sig' });
    expect(clickOutcome('', pushed)).toEqual({ kind: 'open', path: '/alarm-events' });
    expect(clickOutcome('ack', { ...pushed, ackToken: null })).toEqual({ kind: 'open', path: '/alarm-events' });
  });
});
