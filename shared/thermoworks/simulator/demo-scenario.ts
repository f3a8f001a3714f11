/**
 * The default world: `demo@pitwatch.local` with a brisket cook in progress on a 4-probe Signals (uploading
 * every 3 s so the live view moves at once), a Node datalogger in the cellar (records every 600 s, uploads
 * every 7200 s, writes archives) and an RFX gateway whose meat probe reads null; `guest@pitwatch.local` with
 * a pork butt on a 2-probe Smoke and a chicken on a BlueDOT. Password `pitwatch` for both.
 */
import type { ScenarioInput } from './scenario';

export const DEMO_PASSWORD = 'pitwatch';

export const demoScenario: ScenarioInput = {
  seed: 42,
  accounts: [
    {
      email: 'demo@pitwatch.local',
      password: DEMO_PASSWORD,
      uid: 'uid-demo-0001',
      accountId: 'acct-demo-0001',
      displayName: 'Demo Cook',
      timeZone: 'America/Chicago',
      devices: [
        {
          serial: '12:34:56:78:90:AB',
          deviceId: '12:34:56:78:90:ab',
          label: 'Offset smoker',
          device: 'signals',
          type: 'signals',
          firmware: '2.1.0',
          battery: 86,
          batteryDrainPerHour: 3,
          wifiDbm: -58,
          recordingIntervalSeconds: 3,
          transmitIntervalSeconds: 3,
          // Five hours into a packer brisket: the flat is near the stall.
          cook: { startedSecondsAgo: 5 * 3600, meat: 'brisket', ambientF: 68, pitTargetF: 250, meatStartF: 38, meats: 3, lidOpenEveryMinutes: 75 },
          channels: [
            { number: '1', label: 'Pit', source: { kind: 'pit' }, alarmHigh: { value: 285 }, alarmLow: { value: 215 } },
            { number: '2', label: 'Brisket flat', source: { kind: 'meat', index: 0 }, alarmHigh: { value: 203 } },
            { number: '3', label: 'Brisket point', source: { kind: 'meat', index: 1 }, alarmHigh: { value: 205 } },
            { number: '4', label: 'Brisket middle', source: { kind: 'meat', index: 2 }, alarmHigh: { value: 203 } },
          ],
        },
        {
          serial: 'M100009168',
          label: 'Cellar NODE',
          device: 'node',
          type: 'datalogger',
          firmware: '1.0.26-26',
          battery: 100,
          wifiDbm: -72,
          recordingIntervalSeconds: 600,
          transmitIntervalSeconds: 7200,
          documentIntervals: true,
          archives: { everySeconds: 7200, historySeconds: 86_400 },
          channels: [
            { number: '1', label: 'Cellar', source: { kind: 'steady', value: 55, swing: 1.5 }, noise: 0.1 },
            { number: '2', label: 'Humidity', units: 'H', source: { kind: 'steady', value: 62, swing: 4 }, noise: 0.5, type: 'humidity' },
          ],
        },
        {
          serial: 'AB:CD:EF:01:23:45',
          label: 'RFX Gateway',
          device: 'rfx',
          type: 'rfx gateway',
          firmware: '1.4.2',
          battery: 100,
          batteryState: 'full',
          wifiDbm: -65,
          recordingIntervalSeconds: 5,
          transmitIntervalSeconds: 5,
          missingValue: 'null',
          channels: [
            { number: '1', label: 'Fridge', source: { kind: 'steady', value: 37, swing: 0.5 }, noise: 0.2 },
            { number: '2', label: 'RFX Meat', source: { kind: 'steady', value: 40, swing: 0 }, connected: false, type: 'rfx meat' },
          ],
        },
      ],
    },
    {
      email: 'guest@pitwatch.local',
      password: DEMO_PASSWORD,
      uid: 'uid-guest-0001',
      accountId: 'acct-guest-0001',
      displayName: 'Guest',
      preferredUnits: 'F',
      timeZone: 'America/New_York',
      devices: [
        {
          serial: '66:55:44:33:22:AA',
          label: 'Kamado',
          device: 'smoke',
          type: 'smoke',
          firmware: '1.7.1',
          battery: 64,
          batteryDrainPerHour: 2,
          wifiDbm: -67,
          recordingIntervalSeconds: 5,
          transmitIntervalSeconds: 5,
          cook: { startedSecondsAgo: 2 * 3600, meat: 'pork-butt', ambientF: 72, pitTargetF: 225, meatStartF: 40, meats: 1 },
          channels: [
            { number: '1', label: 'Pork butt', source: { kind: 'meat', index: 0 }, alarmHigh: { value: 203 } },
            { number: '2', label: 'Pit', source: { kind: 'pit' }, alarmHigh: { value: 260 }, alarmLow: { value: 200 } },
          ],
        },
        {
          serial: 'M200004242',
          label: 'BlueDOT',
          device: 'bluedot',
          type: 'bluedot',
          firmware: '1.2.0',
          battery: 95,
          wifiDbm: -55,
          recordingIntervalSeconds: 4,
          transmitIntervalSeconds: 4,
          valueEncoding: 'integer',
          cook: { startedSecondsAgo: 1800, meat: 'chicken', ambientF: 72, pitTargetF: 375, meatStartF: 40, meats: 1, meatTimeConstantHours: 1.5 },
          channels: [{ number: '1', label: 'Chicken', source: { kind: 'meat', index: 0 }, alarmHigh: { value: 165 } }],
        },
      ],
    },
  ],
};
