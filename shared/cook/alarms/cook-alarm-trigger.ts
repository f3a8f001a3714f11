/** What the cook-intelligence layer asks the alarm system to fire. The lead maps these onto AlarmRules. */
export type CookAlarmTrigger =
  | {
      readonly kind: 'eta-within';
      readonly probe: string;
      readonly atMs: number;
      readonly thresholdMinutes: number;
      readonly etaSeconds: number;
    }
  | { readonly kind: 'target-reached'; readonly probe: string; readonly atMs: number; readonly targetF: number }
  | {
      readonly kind: 'stall-started';
      readonly probe: string;
      readonly atMs: number;
      readonly startedAtMs: number;
      readonly temperatureF: number;
    }
  | {
      readonly kind: 'stall-ended';
      readonly probe: string;
      readonly atMs: number;
      readonly endedAtMs: number;
      readonly cause: 'rate-recovered' | 'wrap' | 'wrap-inferred';
    }
  | { readonly kind: 'pit-dropping'; readonly atMs: number; readonly levelF: number; readonly holdingF: number }
  | { readonly kind: 'pit-recovered'; readonly atMs: number; readonly levelF: number }
  | { readonly kind: 'lid-open'; readonly atMs: number; readonly endedAtMs: number; readonly dropF: number };

export type CookAlarmKind = CookAlarmTrigger['kind'];
