/**
 * The in-app channel: what the `alarm` and `notification-channel` socket messages do on an open page. A firing (or an
 * escalation round) rings: the banner shows it, a short beep sounds, and the browser's own notification appears when
 * the user allowed notifications. Acknowledged and resolved events leave the banner; a channel change updates the
 * notification settings screen.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { AlarmEventView, AlarmMessage, ChannelMessage } from '../../../shared/api/alarm-schemas';
import { alarmKeys, putAlarmEvent, putChannel } from './alarmCache';

export interface Ringer {
  ring(event: AlarmEventView): void;
}

export function applyAlarmMessage(message: AlarmMessage | ChannelMessage, queryClient: QueryClient, ringer: Ringer = browserRinger): void {
  if (message.type === 'notification-channel') {
    putChannel(queryClient, message.channel);
    return;
  }
  putAlarmEvent(queryClient, message.event);
  // The rule's state (breached, last fired) changed with it.
  void queryClient.invalidateQueries({ queryKey: alarmKeys.alarms, exact: true });
  if (message.change === 'fired' || message.change === 'escalated') ringer.ring(message.event);
}

/** Beep and, if allowed, the system notification; both best effort (a browser may refuse either). */
export const browserRinger: Ringer = {
  ring(event) {
    beep(event.urgent);
    void showSystemNotification(event);
  },
};

let audio: AudioContext | null = null;

/** Two or three short tones from WebAudio: no sound file to download. Silent until the page has had a user gesture. */
export function beep(urgent: boolean): void {
  try {
    const Context = globalThis.AudioContext as typeof AudioContext | undefined;
    if (Context === undefined) return;
    audio ??= new Context();
    void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    for (let i = 0; i < (urgent ? 3 : 2); i++) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, start + i * 0.3);
      gain.gain.setValueAtTime(0, start + i * 0.3 + 0.18);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + i * 0.3);
      oscillator.stop(start + i * 0.3 + 0.2);
    }
  } catch {
    // No audio output, or refused: the banner still shows.
  }
}

/**
 * The system notification while the page is open. Through the service worker when there is one (so its buttons work
 * and a Web Push of the same event replaces it: same tag), else a plain Notification.
 */
export async function showSystemNotification(event: AlarmEventView): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const title = `${event.urgent ? 'URGENT: ' : ''}${event.ruleName ?? 'Pitwatch alarm'}`;
  const options: NotificationOptions = { body: event.message, tag: `pitwatch-${event.eventId}`, data: { eventId: event.eventId, url: '/alarm-events' } };
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (registration !== undefined) await registration.showNotification(title, options);
    else new Notification(title, options);
  } catch {
    // Some browsers only allow notifications from the service worker, or not at all: the banner is enough.
  }
}
