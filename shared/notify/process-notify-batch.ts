/**
 * One batch of the notify queue: each message delivered on its own (one slow webhook does not hold up the others'
 * alarms), a message that is not a notify message dropped and logged (a retry would not make it one), a message whose
 * delivery threw retried by SQS (partial batch failure) — safe, since every send is claimed by its idempotency key.
 */
import { deliverNotifications, type NotifyDependencies, type NotifyOutcome } from './deliver-notifications';
import { notifyMessageSchema } from './notify-message';

export async function processNotifyBatch(
  records: ReadonlyArray<{ messageId: string; body: string }>,
  deps: NotifyDependencies,
): Promise<{ batchItemFailures: Array<{ itemIdentifier: string }>; outcomes: NotifyOutcome[] }> {
  const batchItemFailures: Array<{ itemIdentifier: string }> = [];
  const outcomes: NotifyOutcome[] = [];
  await Promise.all(
    records.map(async (record) => {
      let json: unknown;
      try {
        json = JSON.parse(record.body);
      } catch {
        json = undefined;
      }
      const parsed = notifyMessageSchema.safeParse(json);
      if (!parsed.success) {
        deps.log.warn('Not a notify message: dropped', { messageId: record.messageId });
        return;
      }
      try {
        outcomes.push(await deliverNotifications(parsed.data, deps));
      } catch (error) {
        deps.log.warn('Notify message failed: SQS retries it', { messageId: record.messageId, kind: parsed.data.kind, error: error instanceof Error ? error.message : String(error) });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }),
  );
  return { batchItemFailures, outcomes };
}
