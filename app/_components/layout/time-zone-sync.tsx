'use client';
// Tells the server the browser's time zone (a cookie) so that due dates and opening times read in
// the reader's own zone, not the server's: a student in Beijing must not convert "UTC 02:38" by
// hand. A classroom page (the pages that show moments) written in another zone is refreshed once,
// after the cookie is set; other pages only set it, for the next classroom page.
import { useTimeZone } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from '@/lib/i18n/time-zone';

/** The pages that write moments (opens, due, answers until). */
const SHOWS_MOMENTS = /^\/[a-z]{2}\/(classes|assignments)(\/|$)/;

function cookieZone(): string | null {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${TIME_ZONE_COOKIE}=`));
  return found ? decodeURIComponent(found.slice(TIME_ZONE_COOKIE.length + 1)) : null;
}

export function TimeZoneSync() {
  const written = useTimeZone();
  const router = useRouter();
  const path = usePathname();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === written) return;
    // Already told and still written otherwise: the server does not know this zone; do not loop.
    if (cookieZone() === zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    if (SHOWS_MOMENTS.test(path)) router.refresh();
  }, [written, router, path]);
  return null;
}
