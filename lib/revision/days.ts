// Calendar days in the learner's own time zone, from a clock reading passed in. "Due today" and
// "before the exam" are about the learner's days, not UTC's. Pure.

const DAY_MS = 86_400_000;

/** What the app reads from the clock once and passes down: lib/ never reads it itself. */
export interface Now {
  /** Milliseconds since the epoch. */
  at: number;
  /** Minutes to add to local time to get UTC, as Date#getTimezoneOffset gives it. */
  offsetMinutes: number;
}

/** The local calendar day of an instant, as a day number (days since 1970-01-01 local). */
export function dayOf(at: number, offsetMinutes: number): number {
  return Math.floor((at - offsetMinutes * 60_000) / DAY_MS);
}

/** The instant a local day starts. */
export function startOfDay(day: number, offsetMinutes: number): number {
  return day * DAY_MS + offsetMinutes * 60_000;
}

/** `YYYY-MM-DD` (an <input type="date"> value) to a day number; null when it is not a real date. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** A day number as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
