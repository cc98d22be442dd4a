import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing } from '@/app/_lib/i18n/routing';
import { ProgressView } from '@/app/_components/quiz/progress-view';

export async function generateMetadata({ params }: PageProps<'/[locale]/progress'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'progressPage' });
  return { title: t('title') };
}

export default async function ProgressPage({ params }: PageProps<'/[locale]/progress'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('progressPage');
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-muted">{t('intro')}</p>
      <div className="mt-6">
        <ProgressView />
      </div>
    </div>
  );
}
