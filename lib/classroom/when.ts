// How the classroom writes a moment (opens, due, answers until): one format on every page, in the
// page's locale, with the time zone named, since students and servers may sit in different zones.
export const WHEN_FORMAT = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
} as const;

/** A moment within the hour or so ahead (when a timed attempt ends): the time of day, with its zone. */
export const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
