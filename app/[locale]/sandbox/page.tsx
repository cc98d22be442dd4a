import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { routing } from '@/app/_lib/i18n/routing';
import { Sandbox } from '@/app/_components/sandbox/sandbox';

export async function generateMetadata({ params }: PageProps<'/[locale]/sandbox'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'sandbox' });
  return { title: t('title') };
}

export default async function SandboxPage({ params }: PageProps<'/[locale]/sandbox'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('sandbox');
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 max-w-3xl text-muted">{t('intro')}</p>
      <div className="mt-6">
        <Sandbox />
      </div>
    </div>
  );
}
