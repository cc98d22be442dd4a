import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { AuthForm } from '@/app/_components/account/auth-form';
import { safeNext } from '@/app/_server/next-path';
import { PageHeader } from '@/app/_components/ui/page-header';

export const generateMetadata = titleFrom('account.signInPage');

export default async function SignInPage({ params, searchParams }: PageProps<'/[locale]/sign-in'>) {
  await pageLocale(params);
  const t = await getTranslations('account.signInPage');
  const next = safeNext((await searchParams).next);
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} intro={t('intro')} />
      <div className="mt-6">
        <AuthForm mode="sign-in" next={next} />
      </div>
    </div>
  );
}
