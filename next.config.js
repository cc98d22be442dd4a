import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/_lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lessons are read from content/ at build time (and for unknown slugs at run time).
  outputFileTracingIncludes: { '/[locale]/**': ['./content/**/*'] },
};

export default withNextIntl(nextConfig);
