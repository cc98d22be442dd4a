import { WHEN_FORMAT } from '@/lib/classroom/when';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Link } from '@/app/_lib/i18n/navigation';
import { ApiButton } from '@/app/_components/classes/api-button';
import { AssignmentForm } from '@/app/_components/classes/assignment-form';
import { CopyButton } from '@/app/_components/classes/copy-button';
import { siteOrigin } from '@/app/_server/origin';
import { classroomForPage, orNotFound } from '@/app/_server/classroom';
import { ClassroomError } from '@/lib/classroom/errors';
import { pageWithMessages } from '@/app/_lib/i18n/client-messages';

export default pageWithMessages('assignment-form', ClassPageContent);

async function ClassPageContent({ params }: PageProps<'/[locale]/classes/[id]'>) {
  const { id } = await params;
  const t = await getTranslations('classes');
  const format = await getFormatter();
  const ctx = await classroomForPage();
  if (!ctx) notFound();
  const detail = await orNotFound(ctx.service.classDetail(ctx.actor, id).catch((e: unknown) => (e instanceof ClassroomError && e.code === 'removedFromClass' ? null : Promise.reject(e))));
  if (!detail) {
    return (
      <div className="mx-auto max-w-4xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p role="alert" data-testid="removed">{t('errors.removedFromClass')}</p>
        <p><Link href="/classes" className="text-accent underline">{t('title')}</Link></p>
      </div>
    );
  }
  const { cls, roster, assignments, statuses } = detail;
  const when = (ms: number) => format.dateTime(new Date(ms), WHEN_FORMAT);
  const archived = cls.archivedAt !== null;
  // No language in it: each student who opens it gets the page in their own (the proxy negotiates).
  const joinLink = `${await siteOrigin()}/classes/join/${cls.joinCode}`;

  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <div>
        <p><Link href="/classes" className="text-sm text-accent underline">{t('title')}</Link></p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight wrap-anywhere">{cls.name}</h1>
        {archived && <p className="mt-2 text-muted">{t('archivedNote')}</p>}
      </div>

      {roster && archived && (
        <p><ApiButton path={`/api/classes/${cls.id}/archive`} method="DELETE" label={t('unarchive')} /></p>
      )}

      {roster && !archived && (
        <section aria-labelledby="join" className="rounded-lg border border-border bg-surface p-4">
          <h2 id="join" className="text-xl font-semibold">{t('joinTitle')}</h2>
          <p className="mt-2">
            {t('codeIs')} <strong className="font-mono text-lg" data-testid="join-code">{cls.joinCode}</strong>
          </p>
          <p className="mt-1 break-all text-sm text-muted">
            {t('linkIs')} <code data-testid="join-link">{joinLink}</code>
          </p>
          <p className="mt-2"><CopyButton text={joinLink} label={t('copyLink')} /></p>
          <div className="mt-3"><ApiButton path={`/api/classes/${cls.id}/archive`} label={t('archive')} confirm={t('archiveConfirm')} /></div>
        </section>
      )}

      <section aria-labelledby="assignments">
        <h2 id="assignments" className="text-xl font-semibold">{t('assignments')}</h2>
        {assignments.length === 0 ? (
          <p className="mt-2 text-muted">{t('noAssignments')}</p>
        ) : (
          <ul className="mt-2 divide-y divide-border rounded-lg border border-border bg-surface">
            {assignments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <Link href={`/assignments/${a.id}`} className="font-medium text-accent underline wrap-anywhere">{a.title}</Link>
                <span className="text-sm text-muted">
                  {t('due', { when: when(a.dueAt) })}
                  {statuses && ` · ${t(`status.${statuses[a.id] ?? 'open'}`)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {roster && (
        <section aria-labelledby="roster">
          <h2 id="roster" className="text-xl font-semibold">{t('roster', { count: roster.length })}</h2>
          {roster.length === 0 ? (
            <p className="mt-2 text-muted">{t('noStudents')}</p>
          ) : (
            <ul className="mt-2 divide-y divide-border rounded-lg border border-border bg-surface">
              {roster.map((s) => (
                <li key={s.studentId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <span className="min-w-0 wrap-anywhere">
                    {s.name} <span className="text-sm text-muted">{s.email}</span>
                  </span>
                  <ApiButton path={`/api/classes/${cls.id}/students/${s.studentId}`} method="DELETE" label={t('remove', { name: s.name })} confirm={t('removeConfirm', { name: s.name })} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {roster && !archived && <AssignmentForm classId={cls.id} />}
    </div>
  );
}
