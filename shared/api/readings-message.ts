/**
 * Working with a `readings` message without its schema: this module imports types only, so the web app can use it
 * without carrying zod (its bundle budget).
 */
import type { ReadingMessage, ReadingsMessage } from './schemas';

/** A `readings` message as one ReadingMessage per channel. */
export function splitReadings(message: ReadingsMessage): ReadingMessage[] {
  return message.channels.map((c) => ({ type: 'reading', serial: message.serial, ...c }));
}
