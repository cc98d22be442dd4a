import { withSerwist } from '@serwist/turbopack';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/_lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lessons are read from content/ at build time (and for unknown slugs at run time).
  outputFileTracingIncludes: { '/[locale]/**': ['./content/**/*'] },
};

// withSerwist keeps esbuild, which bundles the service worker, out of the server bundle.
export default withNextIntl(withSerwist(nextConfig));
