/**
 * Where the stall really is, read off the noise-free simulation: the stall is the stretch where evaporation eats
 * most of the heat reaching the surface of the lead probe's cut. It starts when the share first passes START_SHARE
 * and ends when it falls back below END_SHARE (the surface dried, or the wrap trapped the vapour). Stalls shorter
 * than MIN_STALL_SECONDS are a slowdown, not a stall.
 */
export interface StallTruthInput {
  stepSeconds: number;
  leadProbeF: readonly number[];
  evaporationShare: readonly number[];
  resting: readonly boolean[];
}

const START_SHARE = 0.6;
const END_SHARE = 0.45;
const MIN_STALL_SECONDS = 30 * 60;

export function findStallInterval(input: StallTruthInput): { startSeconds: number; endSeconds: number } | undefined {
  let start: number | undefined;
  for (let i = 0; i < input.evaporationShare.length; i += 1) {
    const share = input.evaporationShare[i] as number;
    if (start === undefined) {
      if (share >= START_SHARE && !input.resting[i]) start = i;
    } else if (share < END_SHARE || input.resting[i]) {
      if ((i - start) * input.stepSeconds >= MIN_STALL_SECONDS) {
        return { startSeconds: start * input.stepSeconds, endSeconds: i * input.stepSeconds };
      }
      start = undefined;
    }
  }
  return undefined;
}
