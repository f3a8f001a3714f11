/**
 * The body a webhook gets, in the shape its receiver expects: Pitwatch's own JSON (generic), or the preset for ntfy
 * (JSON publishing with an Acknowledge action button), Slack and Discord incoming webhooks, or a Home Assistant
 * webhook trigger (flat fields for templates). Every body is signed the same way (Pitwatch-Signature).
 */
import type { WebhookPreset } from './notification-channel';
import type { Notification } from './notifier';

export interface WebhookRequest {
  url: string;
  body: string;
}

function genericBody(n: Notification): unknown {
  const e = n.event;
  return {
    type: n.kind,
    idempotencyKey: n.idempotencyKey,
    title: n.title,
    message: n.body,
    urgent: n.urgent,
    round: n.round,
    ...(e
      ? {
          rule: { alarmId: e.alarmId, name: e.ruleName, kind: e.kind },
          event: { eventId: e.eventId, state: e.state, firedAt: e.firedAt },
          serial: e.serial,
          channel: e.channel,
          label: e.label,
          temperature: e.value === null ? null : { value: e.value, units: e.units },
          threshold: e.threshold,
        }
      : {}),
    ...(n.ackToken && n.linkUrl ? { acknowledge: { url: n.linkUrl, method: 'POST', body: { token: n.ackToken } } } : {}),
    appUrl: n.appUrl,
  };
}

export function webhookRequest(preset: WebhookPreset, url: string, n: Notification): WebhookRequest {
  switch (preset) {
    case 'generic':
      return { url, body: JSON.stringify(genericBody(n)) };
    case 'ntfy': {
      // ntfy's JSON publishing goes to the server root with the topic in the body: https://ntfy.sh/mytopic → https://ntfy.sh/
      const parsed = new URL(url);
      const topic = parsed.pathname.replace(/^\/+|\/+$/g, '');
      const actions = [{ action: 'view', label: 'Open Pitwatch', url: n.appUrl }];
      if (n.ackToken && n.linkUrl) {
        actions.unshift({ action: 'http', label: 'Acknowledge', url: n.linkUrl, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: n.ackToken }), clear: true } as never);
      }
      return {
        url: `${parsed.origin}/`,
        body: JSON.stringify({ topic, title: n.title, message: n.body, priority: n.urgent ? 5 : 4, tags: [n.urgent ? 'rotating_light' : 'fire'], click: n.appUrl, actions }),
      };
    }
    case 'slack':
      return { url, body: JSON.stringify({ text: `*${n.title}*\n${n.body}${n.ackPageUrl ? `\n<${n.ackPageUrl}|Acknowledge>` : ''}` }) };
    case 'discord':
      return { url, body: JSON.stringify({ username: 'Pitwatch', content: `**${n.title}**\n${n.body}${n.ackPageUrl ? `\n[Acknowledge](${n.ackPageUrl})` : ''}`, allowed_mentions: { parse: [] } }) };
    case 'home-assistant': {
      const e = n.event;
      return {
        url,
        body: JSON.stringify({
          type: n.kind,
          title: n.title,
          message: n.body,
          urgent: n.urgent,
          event_id: e?.eventId ?? null,
          alarm_id: e?.alarmId ?? null,
          kind: e?.kind ?? null,
          serial: e?.serial ?? null,
          channel: e?.channel ?? null,
          label: e?.label ?? null,
          temperature: e?.value ?? null,
          units: e?.units ?? null,
          ack_url: n.linkUrl,
          ack_token: n.ackToken,
        }),
      };
    }
  }
}
