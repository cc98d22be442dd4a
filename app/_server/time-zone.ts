import { cookies } from 'next/headers';
import { DEFAULT_TIME_ZONE, TIME_ZONE_COOKIE, validTimeZone } from '@/lib/i18n/time-zone';

/** The zone this request's moments are written in: the one the browser told (TimeZoneSync), else UTC. */
export async function readerTimeZone(): Promise<string> {
  return validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? DEFAULT_TIME_ZONE;
}
