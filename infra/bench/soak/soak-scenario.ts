/**
 * The soak's world: two accounts, four devices, a cook on each account. Every device records and uploads once per
 * poll cycle (in simulated time), so each poll can see every point and ground truth is exactly what Pitwatch should
 * hold; a missed poll or an outage leaves a gap that only back-fill can close. What back-fills what:
 * - the Signals, the Smoke and the BlueDOT are Wi-Fi devices without archives: the history function (which answers
 *   500 to 10 % of calls, as the real one does at times);
 * - the Node datalogger writes hourly archives.
 * So every device type here can be back-filled, and every point the devices recorded while ThermoWorks was failing
 * counts as lost if it is missing.
 */
import type { ScenarioInput } from '../../../shared/thermoworks/simulator';

export const SOAK_PASSWORD = 'soak-pitwatch';

export interface SoakAccount {
  email: string;
  accountId: string;
  devices: Array<{ serial: string; channels: string[] }>;
}

export const soakAccounts: readonly SoakAccount[] = [
  {
    email: 'pitmaster-a@soak.local',
    accountId: 'acct-soak-a',
    devices: [
      { serial: 'SOAK-A-SIGNALS', channels: ['1', '2', '3', '4'] },
      { serial: 'SOAK-A-NODE', channels: ['1', '2'] },
    ],
  },
  {
    email: 'pitmaster-b@soak.local',
    accountId: 'acct-soak-b',
    devices: [
      { serial: 'SOAK-B-SMOKE', channels: ['1', '2'] },
      { serial: 'SOAK-B-BLUEDOT', channels: ['1'] },
    ],
  },
];

/** The probe the alarm faults unplug (a meat probe of account A's Signals) and its rule watches. */
export const alarmProbe = { email: soakAccounts[0]!.email, serial: 'SOAK-A-SIGNALS', channel: '4' } as const;

/** @param cycleSeconds simulated seconds between two polls of an account (the poll interval × the time scale). */
export function soakScenario(cycleSeconds: number, seed: number): ScenarioInput {
  const every = { recordingIntervalSeconds: cycleSeconds, transmitIntervalSeconds: cycleSeconds };
  const [a, b] = soakAccounts;
  return {
    seed,
    accounts: [
      {
        email: a!.email,
        password: SOAK_PASSWORD,
        uid: 'uid-soak-a',
        accountId: a!.accountId,
        displayName: 'Soak A',
        devices: [
          {
            serial: 'SOAK-A-SIGNALS',
            label: 'Offset smoker',
            device: 'signals',
            type: 'signals',
            ...every,
            cook: { startedSecondsAgo: 3600, meat: 'brisket', ambientF: 65, pitTargetF: 250, meatStartF: 38, meats: 3 },
            channels: [
              { number: '1', label: 'Pit', source: { kind: 'pit' } },
              { number: '2', label: 'Flat', source: { kind: 'meat', index: 0 } },
              { number: '3', label: 'Point', source: { kind: 'meat', index: 1 } },
              { number: '4', label: 'Middle', source: { kind: 'meat', index: 2 } },
            ],
          },
          {
            serial: 'SOAK-A-NODE',
            label: 'Cellar NODE',
            device: 'node',
            type: 'datalogger',
            ...every,
            documentIntervals: true,
            archives: { everySeconds: 3600, historySeconds: 86_400 },
            channels: [
              { number: '1', label: 'Cellar', source: { kind: 'steady', value: 55, swing: 2 } },
              { number: '2', label: 'Humidity', units: 'H', source: { kind: 'steady', value: 62, swing: 4 }, type: 'humidity' },
            ],
          },
        ],
      },
      {
        email: b!.email,
        password: SOAK_PASSWORD,
        uid: 'uid-soak-b',
        accountId: b!.accountId,
        displayName: 'Soak B',
        devices: [
          {
            serial: 'SOAK-B-SMOKE',
            label: 'Kamado',
            device: 'smoke',
            type: 'smoke',
            ...every,
            cook: { startedSecondsAgo: 1800, meat: 'pork-butt', ambientF: 70, pitTargetF: 225, meatStartF: 40, meats: 1 },
            channels: [
              { number: '1', label: 'Pork butt', source: { kind: 'meat', index: 0 } },
              { number: '2', label: 'Pit', source: { kind: 'pit' } },
            ],
          },
          {
            serial: 'SOAK-B-BLUEDOT',
            label: 'BlueDOT',
            device: 'bluedot',
            type: 'bluedot',
            ...every,
            valueEncoding: 'integer',
            channels: [{ number: '1', label: 'Ambient', source: { kind: 'steady', value: 72, swing: 3 } }],
          },
        ],
      },
    ],
  };
}
