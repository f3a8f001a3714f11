/**
 * What a poll saw of a rule's target, in the shape the evaluator reads: a probe's latest reading (and its cook's
 * prediction, when a cook is running on it), or a device's health. Built by the poll step from the readings it just
 * read and the items it already has (shared/polling/alarm-updates.ts).
 */
import type { ChannelUnit } from '../thermoworks/channel-unit';

export interface ProbePredictionView {
  /** The probe's target in the cook, in °F. */
  targetF: number;
  etaAt: string | null;
  phase: 'heating' | 'stall' | 'post_stall' | 'done' | 'unknown';
  stallStartedAt: string | null;
}

export interface ProbeObservation {
  source: 'probe';
  serial: string;
  channel: string;
  label: string;
  /** When ThermoWorks saved the reading (the poll's time when the channel never reported). */
  at: string;
  /** Null: no probe (NO PROBE, or no value). */
  value: number | null;
  units: ChannelUnit;
  /** Only when a cook in progress covers this probe. */
  prediction: ProbePredictionView | null;
}

export interface DeviceObservation {
  source: 'device';
  serial: string;
  label: string;
  at: string;
  lastSeen: string | null;
  battery: number | null;
  wifiDbm: number | null;
}

export type AlarmObservation = ProbeObservation | DeviceObservation;
