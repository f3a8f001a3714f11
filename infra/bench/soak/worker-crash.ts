/**
 * A poll worker that dies in the middle of a batch: armed, the next batch has its first record polled (readings
 * stored, pushes sent), and then the invocation throws before reporting, so the queue redelivers the whole batch
 * after its visibility timeout, and the first record is polled a second time (the duplicates check).
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

export class WorkerCrash {
  private armed = false;
  crashes = 0;
  /** Poll requests the queue delivered, by user (redeliveries included). */
  readonly delivered = new Map<string, number>();

  arm(): void {
    this.armed = true;
  }

  readonly intercept = async (event: SQSEvent, poll: (event: SQSEvent) => Promise<SQSBatchResponse>): Promise<SQSBatchResponse> => {
    for (const r of event.Records) {
      const userId = String((JSON.parse(r.body) as { userId?: unknown }).userId);
      this.delivered.set(userId, (this.delivered.get(userId) ?? 0) + 1);
    }
    if (!this.armed) return poll(event);
    this.armed = false;
    this.crashes++;
    await poll({ Records: event.Records.slice(0, 1) });
    throw new Error(`soak: the worker crashed after 1 of ${event.Records.length} polls in its batch`);
  };
}
