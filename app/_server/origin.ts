// The site's public origin, for links people copy (a class's join link): BETTER_AUTH_URL when the
// operator set it, else the origin this request came to (behind a proxy, its forwarded host).
import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';

export async function siteOrigin(): Promise<string> {
  const configured = getEnv().BETTER_AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]!.trim()}://${host.split(',')[0]!.trim()}`;
}
