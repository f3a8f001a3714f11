/**
 * Newton heating toward a constant surrounding temperature A: dT/dt = k·(A − T), so
 *   T(t) = A − (A − T₀)·e^(−k·t)   and the time from T to a target T* < A is  ln((A − T)/(A − T*)) / k.
 * With k taken from the current rise rate (k = rate / (A − T)) this is the linear ETA times −ln(1 − u)/u,
 * u = (T* − T)/(A − T): the closer the target is to the pit, the more the approach slows down.
 */
export function newtonRateConstant(ratePerHour: number, temperatureF: number, asymptoteF: number): number {
  return ratePerHour / Math.max(1e-6, asymptoteF - temperatureF);
}

/** Hours from `fromF` to `toF` heating toward `asymptoteF` with rate constant k (1/h); Infinity if never. */
export function newtonHoursToReach(fromF: number, toF: number, asymptoteF: number, kPerHour: number): number {
  if (toF <= fromF) return 0;
  if (!(kPerHour > 0) || toF >= asymptoteF) return Number.POSITIVE_INFINITY;
  return Math.log((asymptoteF - fromF) / (asymptoteF - toF)) / kPerHour;
}

/** Temperature after `hours` of Newton heating. */
export function newtonTemperatureAfter(fromF: number, asymptoteF: number, kPerHour: number, hours: number): number {
  return asymptoteF - (asymptoteF - fromF) * Math.exp(-kPerHour * hours);
}

