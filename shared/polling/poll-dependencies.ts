import type { AlarmEvaluationDependencies } from '../alarms/evaluate-account-alarms';
import type { AccountStore } from '../auth/account-store';
import type { Clock } from '../clock';
import type { CookStore } from '../cooks/cook-store';
import type { DeviceStore } from '../devices/device-store';
import type { StateHandOff } from '../integrations/mqtt/publish-request';
import type { ConnectionStore } from '../live/connection-store';
import type { Pusher } from '../live/pusher';
import type { ReadingStore } from '../readings/reading';
import type { ThermoWorksAccountSession, ThermoWorksPort } from '../thermoworks/port';
import type { CredentialVault } from '../vault/credential-vault';

export interface PollDependencies {
  thermoworks: ThermoWorksPort;
  vault: CredentialVault;
  accounts: AccountStore;
  devices: DeviceStore;
  cooks: CookStore;
  readings: ReadingStore;
  connections: ConnectionStore;
  pusher: Pusher;
  clock: Clock;
  /** ThermoWorks sessions kept between polls (per warm Lambda), so id tokens are reused until near expiry. */
  sessionCache: Map<string, ThermoWorksAccountSession>;
  /**
   * The cadence for active accounts (poll-cadence.ts), in `clock`'s seconds (the worker scales it under the local
   * stack's simulated clock): a spacing well beyond it between two readings is a gap.
   */
  pollIntervalSeconds?: number;
  /** Accounts with an MQTT integration: the poll hands what changed to the publisher (never waits for the broker). */
  mqttHandOff?: StateHandOff;
  /** Accounts with alarm rules: evaluated on every poll, fired alarms queued for the notifier (shared/alarms). */
  alarms?: AlarmEvaluationDependencies;
  /** Each account's time budget (poll-time-budget.ts); none when undefined. */
  timeBudgetMs?: number;
}

export interface PollOutcome {
  userId: string;
  status: 'ok' | 'relink-needed' | 'failing';
  devices: number;
  readingsStored: number;
  backfilled: number;
  duplicatesSkipped: number;
  pushed: number;
  /** Gaps given up on (no archive covered them within 48 h): points ThermoWorks never gave us. */
  gapsAbandoned: number;
  /** Whether this poll handed the account to the MQTT publisher: sent, failed (logged, the poll goes on) or not. */
  mqttHandOff?: 'sent' | 'failed';
  /** Alarm rules that fired on this poll. */
  alarmsFired?: number;
  /** Thermometer alarms written for rules with deviceAlarm (device-alarm.ts). */
  deviceAlarmsWritten?: number;
  /** Channels whose thermometer alarm a deleted rule left, turned off by this poll. */
  deviceAlarmsCleared?: number;
  /** Devices online that upload at least every few minutes: readings are expected from them (the no-readings alarm). */
  devicesReporting: number;
  /** A cook is going on and no reading has come for STALE_AFTER_MINUTES (stale-cook.ts): the dashboard counts these. */
  staleCook?: boolean;
  errorCode?: string;
}
