/**
 * The local stack's mail server: a real SMTP server (the `smtp-server` package) on loopback that accepts every
 * message and keeps it, so email channels work under `npm start` with no SES. `/dev/mail` lists what it caught.
 */
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  at: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/** The headers and body of a plain-text message as the notifier writes it (no MIME parts, no encoded words). */
function parse(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
  return { subject, text: body.replace(/\r\n/g, '\n').replace(/^\.\./gm, '.').replace(/\n$/, '') };
}

export class SmtpCatcher {
  readonly messages: CaughtMail[] = [];
  private readonly server: SMTPServer;
  private listeners: Array<(mail: CaughtMail) => void> = [];

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      size: 1024 * 1024,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const mail: CaughtMail = {
            at: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            ...parse(raw),
            raw,
          };
          this.messages.push(mail);
          for (const listener of this.listeners) listener(mail);
          callback();
        });
      },
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = this.server.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /** Resolves with the first message (already caught or still to come) that matches. */
  waitFor(match: (mail: CaughtMail) => boolean): Promise<CaughtMail> {
    const caught = this.messages.find(match);
    if (caught) return Promise.resolve(caught);
    return new Promise((resolve) => {
      const listener = (mail: CaughtMail) => {
        if (!match(mail)) return;
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(mail);
      };
      this.listeners.push(listener);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
