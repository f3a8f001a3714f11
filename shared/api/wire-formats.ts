/**
 * The small wire formats every route shares, parsed strictly: path segments, decimal integers in query strings
 * (no `0x10`, `1e3` or ` 5`), and instants bounded to the years Pitwatch can hold data for.
 */
import * as z from '../validation/zod';
import { ValidationError } from '../errors';

/** The earliest instant any route accepts: nothing Pitwatch stores is older (DynamoDB sort keys are unsigned). */
export const EARLIEST_INSTANT_MS = Date.UTC(2000, 0, 1);
/** How far past "now" a range may end: a device clock a little ahead is fine, next year is a mistake. */
export const LATEST_INSTANT_AHEAD_MS = 86_400_000;

/** A device serial as ThermoWorks writes it: `12:34:56:78:90:AB`, `M100009168`. */
export const serialSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9:._-]+$/, 'a device serial such as 12:34:56:78:90:AB'));

/** A channel number as ThermoWorks writes it: "1" … "99". */
export const channelNumberSchema = z.string().check(z.regex(/^[1-9][0-9]?$/, 'a channel number such as 1'));

/** An opaque id Pitwatch issued (UUID or similar). */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'an id as Pitwatch returned it'));

/** A decimal integer in a query string, between `min` and `max`. */
export function queryInteger(min: number, max: number) {
  return z.pipe(
    z.pipe(z.string().check(z.regex(/^(0|[1-9][0-9]{0,8})$/, 'a whole number written in digits')), z.transform(Number)),
    z.number().check(z.int(), z.minimum(min), z.maximum(max)),
  );
}

/**
 * An ISO-8601 instant with a zone, from 2000-01-01 on. The upper bound (now + 1 day) needs the clock, so routes
 * check it with `assertNotTooFarAhead` where the clock is at hand.
 */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .check(z.refine((s) => Date.parse(s) >= EARLIEST_INSTANT_MS, { message: 'must be 2000-01-01 or later' }));

/**
 * The upper bound of `instantSchema`: each named instant is at most a day after `now`. Throws the same
 * VALIDATION_FAILED body as a schema failure, naming the fields.
 */
export function assertNotTooFarAhead(now: Date, instants: Record<string, string | undefined>): void {
  const latest = now.getTime() + LATEST_INSTANT_AHEAD_MS;
  const issues = Object.entries(instants)
    .filter(([, value]) => value !== undefined && Date.parse(value) > latest)
    .map(([path]) => ({ path, message: 'must be at most one day from now' }));
  if (issues.length > 0) throw new ValidationError('Request is invalid.', { details: { issues } });
}
