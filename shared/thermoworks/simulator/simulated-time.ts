/**
 * Simulated time runs `timeScale` times faster than the injected clock, from `startMs`. Device readings and
 * document timestamps use simulated time; token expiry uses the clock itself, so an accelerated demo does not
 * expire tokens every minute.
 */
import type { Clock } from '../../clock';

export class SimulatedTime {
  private readonly clockStartMs: number;

  constructor(
    private readonly clock: Clock,
    readonly timeScale: number,
    readonly startMs: number,
  ) {
    if (!(timeScale > 0)) throw new Error('timeScale must be positive');
    this.clockStartMs = clock.now().getTime();
  }

  nowMs(): number {
    return this.startMs + (this.clock.now().getTime() - this.clockStartMs) * this.timeScale;
  }

  now(): Date {
    return new Date(this.nowMs());
  }
}
