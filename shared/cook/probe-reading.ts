/** One temperature from one probe, in °F (the cook domain's internal unit), at an epoch-millisecond instant. */
export interface ProbeReading {
  readonly atMs: number;
  readonly temperatureF: number;
}
