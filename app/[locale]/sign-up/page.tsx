import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { AuthForm } from '@/app/_components/account/auth-form';
import { safeNext } from '@/app/_server/next-path';
import { joiningClassName } from '@/app/_server/classroom';
import { instructorSignUp } from '@/app/_server/instructor-sign-up';
import { PageHeader } from '@/app/_components/ui/page-header';

export const generateMetadata = titleFrom('account.signUpPage');

export default async function SignUpPage({ params, searchParams }: PageProps<'/[locale]/sign-up'>) {
  await pageLocale(params);
  const t = await getTranslations('account.signUpPage');
  const next = safeNext((await searchParams).next);
  // From a join link: say which class the account is for.
  const joining = await joiningClassName(next);
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('title')} intro={joining ? t('introJoin', { name: joining }) : t('intro')} />
      <div className="mt-6">
        <AuthForm mode="sign-up" next={next} instructor={await instructorSignUp()} />
      </div>
    </div>
  );
}
