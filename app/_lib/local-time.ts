// A moment in a datetime-local field, which reads and writes the browser's own time zone.

/** The field's value for a moment ("2026-12-02T09:59"). */
export const toLocalInput = (ms: number): string => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The moment a field's value names in this browser's zone, or NaN for an empty or broken value. */
export const fromLocalInput = (value: string): number => new Date(value).getTime();
