import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { DataStores } from './data-stores';
import type { LiveUpdates } from './live-updates';
import { PitwatchFunction } from './pitwatch-function';

export interface PollerProps {
  readonly data: DataStores;
  readonly live: LiveUpdates;
}

/**
 * Polls ThermoWorks Cloud for every linked account once a minute (EventBridge's finest rate; a sub-minute
 * cadence would have to loop inside one invocation), stores readings and pushes them to open browsers.
 */
export class Poller extends Construct {
  readonly fn: PitwatchFunction;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: PollerProps) {
    super(scope, id);
    const { data, live } = props;

    this.fn = new PitwatchFunction(this, 'Poll', {
      entry: 'functions/poll/handler.ts',
      description: 'poller: ThermoWorks Cloud to history store and live pushes',
      memorySize: 512,
      timeout: Duration.seconds(60),
      environment: { ...data.environment, ...data.vaultEnvironment, WS_CALLBACK_URL: live.callbackUrl },
    });
    // A failed tick is not retried: the next one a minute later polls again and the archives fill the gap,
    // whereas retries would overlap with it.
    this.fn.function.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(2) });

    data.grantTableReadWrite(this.fn);
    data.grantHistoryWrite(this.fn);
    data.grantVault(this.fn);
    live.grantPush(this.fn);

    this.rule = new events.Rule(this, 'Schedule', {
      description: 'Pitwatch: poll ThermoWorks Cloud every minute',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(this.fn.function, { retryAttempts: 0 })],
    });
  }
}
