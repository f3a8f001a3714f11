/**
 * A webhook receiver on loopback that counts what it accepted per alarm event id, and answers 500 while told to fail
 * (the soak's failing webhook). Only accepted deliveries count: a 500 is a delivery the notifier has to retry.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class WebhookReceiver {
  private server: Server | undefined;
  private failingUntil = 0;
  /** Accepted deliveries per alarm event id. */
  readonly accepted = new Map<string, number>();
  refused = 0;

  /** Answer 500 to every delivery until told otherwise. */
  setFailing(failing: boolean): void {
    this.failingUntil = failing ? Number.POSITIVE_INFINITY : 0;
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (Date.now() < this.failingUntil) {
          this.refused++;
          res.writeHead(500).end('receiver down');
          return;
        }
        res.writeHead(200).end();
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: string; event?: { eventId?: string } };
          const eventId = body.event?.eventId;
          if (body.type === 'alarm' && eventId) this.accepted.set(eventId, (this.accepted.get(eventId) ?? 0) + 1);
        } catch {
          // not a Pitwatch body: nothing to count
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
