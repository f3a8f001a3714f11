/**
 * After the last fault: give the pipeline time to heal before anything is counted. Back-fill is done when no device
 * of the soak has a pending gap and every link is ok; alarm deliveries are done when the notify queue is empty
 * (retries included: they wait in it as delayed messages).
 */
import { createDocumentClient } from '../../../shared/aws/dynamo-document-client';
import { DynamoAccountStore } from '../../../shared/aws/dynamo-account-store';
import { DynamoDeviceStore } from '../../../shared/aws/dynamo-device-store';
import { localAwsEnv } from '../../local/dynamodb-local';
import type { LocalStack } from '../../local/local-stack';
import { soakAccounts } from './soak-scenario';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SettleState {
  pendingGaps: number;
  linksNotOk: number;
}

export class Settler {
  private readonly db;
  private readonly devices;
  private readonly accounts;

  constructor(
    private readonly stack: LocalStack,
    tableName: string,
    private readonly userIds: readonly string[],
  ) {
    this.db = createDocumentClient({ region: localAwsEnv.AWS_REGION, endpoint: stack.dynamoEndpoint });
    this.devices = new DynamoDeviceStore(this.db, tableName);
    this.accounts = new DynamoAccountStore(this.db, tableName);
  }

  async state(): Promise<SettleState> {
    let pendingGaps = 0;
    for (const account of soakAccounts) {
      for (const d of account.devices) pendingGaps += (await this.devices.getDevice(account.accountId, d.serial))?.pendingGaps.length ?? 0;
    }
    const links = await this.accounts.getLinks(this.userIds);
    const linksNotOk = this.userIds.filter((id) => links.get(id)?.status !== 'ok').length;
    return { pendingGaps, linksNotOk };
  }

  /** Polls every account every `everyMs` until nothing is pending, or `maxMs` passed; answers what is left. */
  async untilBackfilled(everyMs: number, maxMs: number): Promise<SettleState> {
    const deadline = Date.now() + maxMs;
    for (;;) {
      await this.stack.pollNow(this.userIds).catch(() => undefined);
      const state = await this.state();
      if ((state.pendingGaps === 0 && state.linksNotOk === 0) || Date.now() > deadline) return state;
      await sleep(everyMs);
    }
  }

  /** Waits until the notify queue holds nothing (retries included), or `maxMs` passed; answers what is left. */
  async untilNotified(maxMs: number): Promise<number> {
    const deadline = Date.now() + maxMs;
    while (this.stack.notifyQueue.depth > 0 && Date.now() < deadline) await sleep(500);
    return this.stack.notifyQueue.depth;
  }

  close(): void {
    this.db.destroy();
  }
}
