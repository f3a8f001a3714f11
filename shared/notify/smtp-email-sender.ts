/**
 * EmailSender over plain SMTP (RFC 5321: EHLO, MAIL FROM, RCPT TO, DATA, QUIT), for the local stack's SMTP catcher
 * only: no TLS, no authentication, so never for a real mail server (AWS sends through SES). A 5xx reply is permanent.
 */
import { connect, type Socket } from 'node:net';
import { PermanentSendError, type EmailMessage, type EmailSender } from './email-notifier';

class SmtpReplyError extends Error {
  constructor(
    readonly code: number,
    line: string,
  ) {
    super(`SMTP ${line}`);
  }
}

/** Reads replies (a multi-line reply ends at the line whose 4th character is a space). */
function replies(socket: Socket): () => Promise<{ code: number; line: string }> {
  let buffer = '';
  const waiting: Array<(reply: { code: number; line: string }) => void> = [];
  const ready: Array<{ code: number; line: string }> = [];
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (line.length >= 4 && line[3] === '-') continue;
      const reply = { code: Number(line.slice(0, 3)), line };
      const next = waiting.shift();
      if (next) next(reply);
      else ready.push(reply);
    }
  });
  return () => new Promise((resolve) => (ready.length > 0 ? resolve(ready.shift()!) : waiting.push(resolve)));
}

const header = (text: string) => text.replace(/[\r\n]+/g, ' ');

export class SmtpEmailSender implements EmailSender {
  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly from: string,
    private readonly timeoutMs = 5000,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    const socket = connect({ host: this.host, port: this.port });
    socket.setTimeout(this.timeoutMs, () => socket.destroy(new Error(`SMTP: no answer within ${this.timeoutMs} ms`)));
    const failed = new Promise<never>((_, reject) => socket.once('error', reject));
    failed.catch(() => undefined); // raced below; an error after the last reply is not a failure of the send
    const next = replies(socket);
    const expect = async (ok: number) => {
      const reply = await Promise.race([next(), failed]);
      if (reply.code !== ok) throw new SmtpReplyError(reply.code, reply.line);
    };
    const command = async (line: string, ok: number) => {
      socket.write(`${line}\r\n`);
      await expect(ok);
    };
    try {
      await expect(220);
      await command('EHLO pitwatch.local', 250);
      await command(`MAIL FROM:<${this.from}>`, 250);
      await command(`RCPT TO:<${message.to}>`, 250);
      await command('DATA', 354);
      const body = message.text.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
      const headers = [`From: ${this.from}`, `To: ${message.to}`, `Subject: ${header(message.subject)}`, `Date: ${new Date().toUTCString()}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'];
      await command(`${headers.join('\r\n')}\r\n\r\n${body}\r\n.`, 250);
      await command('QUIT', 221);
    } catch (error) {
      if (error instanceof SmtpReplyError && error.code >= 500) throw new PermanentSendError(error.message);
      throw error;
    } finally {
      socket.destroy();
    }
  }
}
