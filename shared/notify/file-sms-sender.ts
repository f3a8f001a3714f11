/** The local stack's SMS "gateway": each text appended as one JSON line to a file, which /dev/sms lists. */
import { appendFile } from 'node:fs/promises';
import type { SmsSender } from './sms-notifier';

export class FileSmsSender implements SmsSender {
  constructor(
    private readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(phone: string, text: string): Promise<void> {
    await appendFile(this.path, `${JSON.stringify({ at: this.now().toISOString(), phone, text })}\n`, 'utf8');
  }
}
