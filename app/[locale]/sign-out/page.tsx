import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { SignOutButton } from '@/app/_components/account/sign-out-button';
import { currentUser } from '@/app/_server/session';

export const generateMetadata = titleFrom('account.signOutPage');

export default async function SignOutPage({ params }: PageProps<'/[locale]/sign-out'>) {
  await pageLocale(params);
  const t = await getTranslations('account.signOutPage');
  const user = await currentUser();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 text-muted">{user ? t('signedInAs', { name: user.name, email: user.email }) : t('notSignedIn')}</p>
      {user && (
        <div className="mt-6">
          <SignOutButton />
        </div>
      )}
    </div>
  );
}
