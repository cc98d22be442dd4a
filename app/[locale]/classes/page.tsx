import { getTranslations } from 'next-intl/server';
import { titleFrom } from '@/app/_lib/i18n/page';
import { Link } from '@/app/_lib/i18n/navigation';
import { ActionForm } from '@/app/_components/classes/action-form';
import { CLASS_NAME_MAX } from '@/lib/classroom/config';
import { classroomForPage } from '@/app/_server/classroom';
import { PageHeader } from '@/app/_components/ui/page-header';
import { pageWithMessages } from '@/app/_lib/i18n/client-messages';

export const generateMetadata = titleFrom('classes');

export default pageWithMessages('classes', ClassesPageContent);

async function ClassesPageContent() {
  const t = await getTranslations('classes');
  const ctx = await classroomForPage();
  if (!ctx) {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeader title={t('title')} intro={t('visitor')} />
        <p className="mt-6 flex gap-3">
          <Link href={{ pathname: '/sign-in', query: { next: '/classes' } }} className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg">{t('signIn')}</Link>
          <Link href={{ pathname: '/sign-up', query: { next: '/classes' } }} className="rounded-md border border-border px-4 py-2 font-medium">{t('signUp')}</Link>
        </p>
      </div>
    );
  }
  const list = await ctx.service.listClasses(ctx.actor);
  const teaching = ctx.user.role === 'instructor';
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p className="mt-3 text-muted">{t(teaching ? 'introInstructor' : 'introStudent', { name: ctx.user.name })}</p>
      </div>
      {teaching ? (
        <ActionForm path="/api/classes" field="name" label={t('newClass')} submit={t('create')} maxLength={CLASS_NAME_MAX} rule={t('newClassRule', { max: CLASS_NAME_MAX })} />
      ) : (
        <ActionForm path="/api/classes/join" field="code" label={t('joinCode')} submit={t('join')} openClass />
      )}
      <section aria-labelledby="my-classes">
        <h2 id="my-classes" className="text-xl font-semibold">{t('mine')}</h2>
        {list.length === 0 ? (
          <p className="mt-2 text-muted">{t(teaching ? 'noneInstructor' : 'noneStudent')}</p>
        ) : (
          <ul className="mt-2 divide-y divide-border rounded-lg border border-border bg-surface">
            {list.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 px-4 py-3">
                <Link href={`/classes/${c.id}`} className="font-medium text-accent underline wrap-anywhere">{c.name}</Link>
                {c.archivedAt !== null && <span className="text-sm text-muted">{t('archived')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
