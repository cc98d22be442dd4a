import { WHEN_FORMAT } from '@/lib/classroom/when';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { SiteLocale } from '@/app/_lib/i18n/page';
import { Link } from '@/app/_lib/i18n/navigation';
import { ApiButton } from '@/app/_components/classes/api-button';
import { ScrollArea } from '@/app/_components/ui/scroll-area';
import { Attempt, FeedbackLine, ItemPrompt, PreviewItem } from '@/app/_components/classes/attempt';
import { ClassroomError } from '@/lib/classroom/errors';
import { classroomForPage, orNotFound } from '@/app/_server/classroom';
import { gradebookOf } from '@/app/_server/gradebook';
import { ItemAnalysis } from '@/app/_components/classes/item-analysis';
import { itemAnalysis, weakestMisconception } from '@/lib/classroom/gradebook';
import { FOLLOW_UP_DAYS } from '@/lib/classroom/follow-up';
import { pageWithMessages } from '@/app/_lib/i18n/client-messages';

export default pageWithMessages('assignment', AssignmentPageContent);

async function AssignmentPageContent({ params, locale }: PageProps<'/[locale]/assignments/[id]'> & { locale: SiteLocale }) {
  const { id } = await params;
  const t = await getTranslations('classes');
  const tm = await getTranslations('misconceptions');
  const format = await getFormatter();
  const ctx = await classroomForPage();
  if (!ctx) notFound();
  const lang = locale === 'zh' ? 'zh' : 'en';
  const when = (ms: number) => format.dateTime(new Date(ms), WHEN_FORMAT);
  const read = await orNotFound(
    ctx.service.getAssignment(ctx.actor, id).catch((e: unknown) => {
      if (e instanceof ClassroomError && e.code === 'notOpenYet') return null;
      throw e;
    }),
  );
  if (read === null) {
    // A student early on the link: when it opens, and the way back, instead of a 404.
    const upcoming = await orNotFound(ctx.service.upcomingAssignment(ctx.actor, id));
    return (
      <div className="mx-auto max-w-4xl space-y-4">
        <p><Link href={`/classes/${upcoming.classId}`} className="text-sm text-accent underline">{t('backToClass')}</Link></p>
        <h1 className="text-3xl font-bold tracking-tight">{upcoming.title}</h1>
        <p className="rounded-lg border border-border bg-surface p-4" data-testid="opens-on">{t('opensOn', { when: when(upcoming.opensAt) })}</p>
      </div>
    );
  }
  const { assignment, attempts } = read;
  const config = 'config' in assignment ? assignment.config : null;
  const rules = 'attemptsAllowed' in assignment ? { attempts: assignment.attemptsAllowed, timeLimit: assignment.timeLimit, feedback: assignment.feedback, focus: assignment.focus } : assignment.config;
  const header = (
    <div>
      <p><Link href={`/classes/${assignment.classId}`} className="text-sm text-accent underline">{t('backToClass')}</Link></p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight wrap-anywhere">{assignment.title}</h1>
      <p className="mt-2 text-muted">
        {t('opens', { when: when(assignment.opensAt) })} · {t('due', { when: when(assignment.dueAt) })}
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="settings" aria-label={t('settings.label')}>
        {config && (
          <li>
            {t('settings.questions', { count: config.count, difficulty: t(`form.difficulties.${config.difficulty}`), variant: t(`form.variants.${config.variant}`) })}
          </li>
        )}
        <li>{t('settings.attempts', { count: rules.attempts })}</li>
        <li>{rules.timeLimit === null ? t('settings.noLimit') : t('settings.timeLimit', { minutes: rules.timeLimit })}</li>
        <li>{t('settings.feedback', { rule: t(`form.feedbackRules.${rules.feedback}`) })}</li>
        {rules.focus && <li data-testid="focus">{t('settings.focus', { misconception: tm(`${rules.focus}.label`) })}</li>}
        {config && (
          <li><Link href={`/assignments/${id}/edit`} className="font-medium text-accent underline">{Date.now() < assignment.opensAt ? t('edit.link') : t('edit.reschedule')}</Link></li>
        )}
      </ul>
    </div>
  );

  if (attempts) {
    const last = attempts[attempts.length - 1];
    const initial = last ? await ctx.service.attemptView(ctx.actor, last.id, lang) : null;
    return (
      <div className="mx-auto max-w-4xl space-y-6">
        {header}
        <Attempt
          assignmentId={assignment.id}
          initial={initial}
          closed={read.archived ? 'archived' : Date.now() >= assignment.dueAt ? 'due' : null}
          timing={{ dueAt: assignment.dueAt, timeLimit: rules.timeLimit, serverNow: 'now' in read ? read.now : Date.now() }}
        />
      </div>
    );
  }

  const { gradebook, attempts: allAttempts } = await gradebookOf({ ...ctx, lang }, id);
  const preview = await ctx.service.preview(ctx.actor, id, lang);
  const items = itemAnalysis(gradebook);
  const anyWrong = items.some((it) => it.right < it.answered);
  const csv = `/api/assignments/${id}/export?format=csv`;
  const moodle = `/api/assignments/${id}/export?format=moodle&lang=${lang}`;
  return (
    <div className="mx-auto max-w-5xl space-y-8">
      {header}
      {allAttempts.length === 0 && (
        <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="delete-assignment">
          <span className="text-muted">{t('edit.deleteNote')}</span>
          <ApiButton path={`/api/assignments/${id}`} method="DELETE" label={t('edit.delete')} confirm={t('edit.deleteConfirm', { title: assignment.title })} goTo={`/classes/${assignment.classId}`} />
        </div>
      )}
      <section aria-labelledby="gradebook">
        <h2 id="gradebook" className="text-xl font-semibold">{t('gradebook')}</h2>
        <p className="mt-2 flex flex-wrap gap-3">
          <a href={csv} download className="text-accent underline">{t('csv')}</a>
          <a href={moodle} download className="text-accent underline">{t('moodle')}</a>
        </p>
        {config?.variant === 'per_student' && <p className="mt-1 text-sm text-muted" data-testid="moodle-variant">{t('moodleOneVariant')}</p>}
        <ScrollArea className="mt-3" label={t('gradebook')} testId="gradebook-scroll">
          <table className="min-w-full border-collapse whitespace-nowrap text-sm">
            <caption className="sr-only">{t('gradebook')}</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-border px-2 py-1 text-left">{t('student')}</th>
                <th scope="col" className="border-b border-border px-2 py-1 text-right">{t('scoreCol')}</th>
                {Array.from({ length: gradebook.count }, (_, i) => (
                  <th key={i} scope="col" className="border-b border-border px-2 py-1">{t('q', { n: i + 1 })}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {gradebook.rows.map((r) => (
                <tr key={r.studentId}>
                  <th scope="row" className="border-b border-border px-2 py-1 text-left font-normal">
                    {r.attemptId ? <a href={`#answers-${r.attemptId}`} className="text-accent underline">{r.name}</a> : r.name}
                    {r.removed && <span className="text-sm text-muted"> {t('removedMark')}</span>}
                    {r.attempts > 1 && r.attemptNumber !== null && <span className="text-sm text-muted"> {t('countedAttempt', { n: r.attemptNumber, total: r.attempts })}</span>}
                  </th>
                  <td className="border-b border-border px-2 py-1 text-right tabular-nums" data-testid={`score-${r.email}`}>{r.attempts === 0 ? t('notStarted') : `${r.correct}/${r.total}`}</td>
                  {r.cells.map((c, i) => (
                    <td key={i} className="border-b border-border px-2 py-1 text-center">{c === null ? <span className="text-muted">·</span> : c ? <span className="text-ok">{t('rightMark')}</span> : <span className="text-danger">{t('wrongMark')}</span>}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </section>

      <section aria-labelledby="analysis">
        <h2 id="analysis" className="text-xl font-semibold">{t('analysis')}</h2>
        <ItemAnalysis items={items} />
        <h3 className="mt-4 font-semibold">{t('byMisconception')}</h3>
        {gradebook.misconceptions.length === 0 ? (
          <p className="mt-2 text-muted" data-testid="no-misconceptions">{t(anyWrong ? 'noTaggedWrong' : 'noMisconceptions')}</p>
        ) : (
          <>
            <ul className="mt-3 space-y-2" data-testid="misconception-chart">
              {gradebook.misconceptions.map((m) => {
                const percent = Math.round(m.share * 100);
                return (
                  <li key={m.misconception}>
                    <p className="flex justify-between gap-2 text-sm">
                      <span>{tm(`${m.misconception}.label`)}</span>
                      <span className="tabular-nums">{t('share', { percent, students: m.students })}</span>
                    </p>
                    <div aria-hidden="true" className="mt-1 h-2.5 overflow-hidden rounded-full bg-surface-2">
                      <div className="h-full rounded-full bg-danger" style={{ width: `${percent}%` }} />
                    </div>
                  </li>
                );
              })}
            </ul>
            <div className="mt-3">
              <ApiButton path={`/api/assignments/${id}/follow-up?lang=${lang}`} label={t('followUp', { misconception: tm(`${weakestMisconception(gradebook)}.label`), days: FOLLOW_UP_DAYS })} openCreated />
            </div>
          </>
        )}
      </section>

      <StudentAnswers
        ids={gradebook.rows.flatMap((r) => allAttempts.filter((a) => a.studentId === r.studentId).map((a) => ({ id: a.id, student: r.name, name: r.attempts > 1 ? `${r.name} · ${t('attemptN', { n: a.number })}` : r.name })))}
        ctx={{ ...ctx, lang }}
      />

      <section aria-labelledby="preview">
        <h2 id="preview" className="text-xl font-semibold">{t('preview')}</h2>
        <p className="mt-1 text-sm text-muted">{t('previewNote')}</p>
        <ol className="mt-3 space-y-4">
          {preview.map((item) => <PreviewItem key={item.position} item={item} total={preview.length} />)}
        </ol>
      </section>
    </div>
  );
}

/** Each student's counted attempt, answer by answer, with the engine's explanation. */
async function StudentAnswers({ ids, ctx }: { ids: Array<{ id: string; name: string; student: string }>; ctx: NonNullable<Awaited<ReturnType<typeof classroomForPage>>> }) {
  const t = await getTranslations('classes');
  if (ids.length === 0) return null;
  const views = await Promise.all(ids.map(async ({ id, name, student }) => ({ name, student, view: await ctx.service.attemptView(ctx.actor, id, ctx.lang) })));
  return (
    <section aria-labelledby="answers">
      <h2 id="answers" className="text-xl font-semibold">{t('answers')}</h2>
      {views.map(({ name, student, view }) => (
        <details key={view.id} id={`answers-${view.id}`} className="mt-2 rounded-lg border border-border bg-surface p-3">
          <summary className="cursor-pointer font-medium">{name}</summary>
          <ol className="mt-2 space-y-2 text-sm">
            {(view.feedback ?? []).map((f) => (
              <li key={f.position}>
                <p className="font-medium">{t('q', { n: f.position + 1 })}</p>
                <ItemPrompt item={view.items[f.position]!} />
                <FeedbackLine f={f} item={view.items[f.position]!} given={view.answers.find((a) => a.position === f.position)?.response} student={student} />
              </li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}
