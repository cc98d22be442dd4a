import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing } from '@/app/_lib/i18n/routing';
import { readPracticeLink } from '@/app/_lib/practice-link';
import { Practice } from '@/app/_components/quiz/practice';

export async function generateMetadata({ params }: PageProps<'/[locale]/practice'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'practice' });
  return { title: t('title') };
}

export default async function PracticePage({ params, searchParams }: PageProps<'/[locale]/practice'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('practice');
  const link = readPracticeLink(await searchParams);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-muted">{t('intro')}</p>
      <div className="mt-6">
        <Practice key={JSON.stringify(link)} link={link} />
      </div>
    </div>
  );
}
