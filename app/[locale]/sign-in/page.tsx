import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { AuthForm } from '@/app/_components/account/auth-form';
import { safeNext } from '@/app/_server/next-path';

export const generateMetadata = titleFrom('account.signInPage');

export default async function SignInPage({ params, searchParams }: PageProps<'/[locale]/sign-in'>) {
  await pageLocale(params);
  const t = await getTranslations('account.signInPage');
  const next = safeNext((await searchParams).next);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-muted">{t('intro')}</p>
      <div className="mt-6">
        <AuthForm mode="sign-in" next={next} />
      </div>
    </div>
  );
}
