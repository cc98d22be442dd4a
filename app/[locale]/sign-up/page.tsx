import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { AuthForm } from '@/app/_components/account/auth-form';
import { safeNext } from '@/app/_server/next-path';

export const generateMetadata = titleFrom('account.signUpPage');

export default async function SignUpPage({ params, searchParams }: PageProps<'/[locale]/sign-up'>) {
  await pageLocale(params);
  const t = await getTranslations('account.signUpPage');
  const next = safeNext((await searchParams).next);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-muted">{t('intro')}</p>
      <div className="mt-6">
        <AuthForm mode="sign-up" next={next} />
      </div>
    </div>
  );
}
