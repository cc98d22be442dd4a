import { WHEN_FORMAT } from '@/lib/classroom/when';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { pageLocale } from '@/app/_lib/i18n/page';
import { Link } from '@/app/_lib/i18n/navigation';
import { AssignmentForm } from '@/app/_components/classes/assignment-form';
import { RescheduleForm } from '@/app/_components/classes/reschedule-form';
import { classroomForPage, orNotFound } from '@/app/_server/classroom';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

/** The instructor edits an assignment until it opens; after that only its due time moves, and the page says why. */
export default async function EditAssignmentPage({ params }: PageProps<'/[locale]/assignments/[id]/edit'>) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const t = await getTranslations('classes');
  const format = await getFormatter();
  const ctx = await classroomForPage();
  if (!ctx || ctx.actor.role !== 'instructor') notFound();
  const assignment = await orNotFound(ctx.service.assignmentSettings(ctx.actor, id));
  const { config, title, opensAt, dueAt } = assignment;
  const opened = Date.now() >= opensAt;
  return (
    <ClientMessages scope="assignment-form" locale={locale}>
      <div className="mx-auto max-w-4xl space-y-6">
        <div>
          <p><Link href={`/assignments/${id}`} className="text-sm text-accent underline">{title}</Link></p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{t('edit.title', { title })}</h1>
        </div>
        {opened ? (
          <>
            <p className="rounded-lg border border-border bg-surface p-4" data-testid="edit-closed">
              {t('edit.closed', { when: format.dateTime(new Date(opensAt), WHEN_FORMAT) })}
            </p>
            <RescheduleForm assignmentId={id} dueAt={dueAt} />
          </>
        ) : (
          <AssignmentForm classId={assignment.classId} editing={{ id, input: { ...config, title, opensAt, dueAt } }} />
        )}
      </div>
    </ClientMessages>
  );
}
