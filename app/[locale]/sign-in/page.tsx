import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { AuthForm } from '@/app/_components/account/auth-form';
import { safeNext } from '@/app/_server/next-path';
import { joiningClassName } from '@/app/_server/classroom';
import { PageHeader } from '@/app/_components/ui/page-header';

export const generateMetadata = titleFrom('account.signInPage');

export default async function SignInPage({ params, searchParams }: PageProps<'/[locale]/sign-in'>) {
  await pageLocale(params);
  const t = await getTranslations('account.signInPage');
  const next = safeNext((await searchParams).next);
  // From a join link: say which class the account is for.
  const joining = await joiningClassName(next);
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} intro={joining ? t('introJoin', { name: joining }) : t('intro')} />
      <div className="mt-6">
        <AuthForm mode="sign-in" next={next} />
      </div>
    </div>
  );
}
