import { getFormatter, getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { Link } from '@/app/_lib/i18n/navigation';
import { LessonStatus, ProgressSummary } from '@/app/_components/home/progress';
import { learningPath } from '@/lib/content';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

export const generateMetadata = titleFrom('home');

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('home');
  const format = await getFormatter();
  const sections = learningPath(locale);
  const lessons = sections.flatMap((section) => section.lessons);
  const titles = new Map(lessons.map((lesson) => [lesson.slug, lesson.title]));
  let number = 0;

  return (
    <ClientMessages scope="home" locale={locale}>
      <div className="mx-auto max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('title')}</h1>
        <p className="mt-3 text-lg text-muted">{t('intro')}</p>
        <div className="mt-6">
          <ProgressSummary slugs={lessons.map((lesson) => lesson.slug)} />
        </div>
        {lessons.length === 0 && <p className="mt-8">{t('empty')}</p>}
        {sections.map((section) => (
          <section key={section.id} aria-labelledby={`section-${section.id}`} className="mt-10">
            <h2 id={`section-${section.id}`} className="text-xl font-bold">
              {section.title}
            </h2>
            <ol className="mt-4 space-y-4">
              {section.lessons.map((lesson) => {
                number += 1;
                return (
                  <li key={lesson.slug} className="rounded-lg border border-border bg-surface p-4 sm:p-5">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span className="text-sm font-medium text-muted">{t('lessonNumber', { n: number })}</span>
                      <LessonStatus slug={lesson.slug} />
                    </div>
                    <h3 className="mt-1 text-lg font-semibold">
                      <Link
                        href={`/learn/${lesson.slug}`}
                        className="text-accent underline-offset-2 hover:underline"
                      >
                        {lesson.title}
                      </Link>
                    </h3>
                    <p className="mt-1">{lesson.summary}</p>
                    <h4 className="mt-3 text-sm font-semibold text-muted">{t('objectives')}</h4>
                    <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
                      {lesson.objectives.map((objective) => (
                        <li key={objective}>{objective}</li>
                      ))}
                    </ul>
                    {lesson.prerequisites.length > 0 && (
                      <p className="mt-3 text-sm text-muted">
                        {t('prerequisites', {
                          // The language's own list: "A, B, and C"; "A、B和C".
                          list: format.list(lesson.prerequisites.map((slug) => titles.get(slug) ?? slug)),
                        })}
                      </p>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </ClientMessages>
  );
}
