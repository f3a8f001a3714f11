import type { CookLog } from '../cook-log/cook-log';
import type { MeatKind } from '../meat-kind';
import type { CutPriors } from '../prediction/cut-priors';
import type { PitHint } from '../prediction/pit-hint';
import type { CookTimelineEvent } from '../timeline/cook-timeline-event';

/** One cook the bench predicts on, with the truth to score against. */
export interface BenchCook {
  readonly name: string;
  readonly log: CookLog;
  readonly probe: string;
  readonly pitProbe?: string;
  readonly targetF: number;
  /** The cut, when the cook would have said (a preset); the predictor then knows it. */
  readonly meat?: MeatKind;
  /** Start of the cook (the probe's first reading). */
  readonly startMs: number;
  /** When the probe actually reached the target. */
  readonly reachMs: number;
  /** Known stall of the probe's cut (simulated cooks only); null = known to have none; undefined = unknown. */
  readonly stall?: { readonly startMs: number; readonly endMs: number } | null;
  /** What the cook told the app (a wrap…), replayed with the readings. */
  readonly events?: readonly CookTimelineEvent[];
  /** When the cut was really wrapped (simulated cooks), whether or not the cook said so in `events`. */
  readonly wrappedAtMs?: number;
  /** Personal priors learned from the same family's other cooks (personal corpus). */
  readonly priors?: CutPriors;
  /** With no pit probe: what the cook would have told or shown about the pit. */
  readonly pitHint?: PitHint;
}
