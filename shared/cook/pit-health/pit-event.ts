/** What the pit health monitor reports. Times are epoch ms; temperatures °F. */
export type PitEvent =
  /** A sudden drop that recovered: someone opened the lid (or a gust hit the probe). */
  | { readonly kind: 'lid-open'; readonly atMs: number; readonly endedAtMs: number; readonly dropF: number }
  /** A sustained decline well below where the pit was holding: fuel running low, or the fire choked. */
  | {
      readonly kind: 'pit-dropping';
      readonly atMs: number;
      readonly levelF: number;
      readonly holdingF: number;
      readonly ratePerHour: number;
    }
  /** The decline is over (refuelled, or the fire recovered). */
  | { readonly kind: 'pit-recovered'; readonly atMs: number; readonly levelF: number };
