/** `/dev/mail` and `/dev/sms`: what the local stack's SMTP catcher and SMS log received, newest first (and as JSON). */
import { existsSync, readFileSync } from 'node:fs';
import type { SmtpCatcher } from './smtp-catcher';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, items: string[]) => ({
  contentType: 'text/html; charset=utf-8',
  body: `<!doctype html><meta charset="utf-8"><title>${title}</title><style>body{font:14px system-ui;margin:2em}article{border-bottom:1px solid #ccc;padding:.5em 0}pre{white-space:pre-wrap}</style><h1>${title}</h1>${items.length ? items.join('') : '<p>Nothing yet.</p>'}`,
});

export interface SentSms {
  at: string;
  phone: string;
  text: string;
}

export function readSmsLog(path: string): SentSms[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as SentSms);
}

export function devPages(mail: SmtpCatcher, smsLogFile: string) {
  return {
    '/dev/mail': () =>
      page(
        'Mail sent by this stack',
        [...mail.messages].reverse().map((m) => `<article><b>${escape(m.subject)}</b><br>to ${escape(m.to.join(', '))} at ${escape(m.at)}<pre>${escape(m.text)}</pre></article>`),
      ),
    '/dev/mail.json': () => ({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(mail.messages.map(({ raw: _raw, ...m }) => m)) }),
    '/dev/sms': () => page('SMS sent by this stack', readSmsLog(smsLogFile).reverse().map((m) => `<article>to ${escape(m.phone)} at ${escape(m.at)}<pre>${escape(m.text)}</pre></article>`)),
    '/dev/sms.json': () => ({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(readSmsLog(smsLogFile)) }),
  };
}
