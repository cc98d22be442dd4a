import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { pageLocale } from '@/app/_lib/i18n/page';
import { notFound } from 'next/navigation';
import { Link } from '@/app/_lib/i18n/navigation';
import { routing } from '@/app/_lib/i18n/routing';
import { LessonBody } from '@/app/_components/lesson/lesson-body';
import { MarkComplete } from '@/app/_components/lesson/mark-complete';
import { lessonNeighbours, listLessonSlugs, loadLesson, loadLessonMeta } from '@/lib/content';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

// No `dynamicParams = false`: Next.js would answer an unknown slug before the layout can draw
// the 404 page (it would be the empty shell); the proxy knows the slugs (lib/http/page-routes).
export function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!hasLocale(routing.locales, params.locale)) return [];
  return listLessonSlugs(params.locale).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/learn/[slug]'>): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const meta = loadLessonMeta(locale, slug);
  return meta ? { title: meta.title, description: meta.summary } : {};
}

export default async function LessonPage({ params }: PageProps<'/[locale]/learn/[slug]'>) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const lesson = loadLesson(locale, slug);
  if (!lesson) notFound();
  const t = await getTranslations('lesson');
  const { previous, next, section } = lessonNeighbours(locale, slug);
  const prerequisites = lesson.prerequisites.flatMap((other) => {
    const meta = loadLessonMeta(locale, other);
    return meta ? [meta] : [];
  });

  return (
    <ClientMessages scope="lesson" locale={locale}>

      {/* One grid for the whole lesson so its one table of contents can sit above the text on a
          phone and beside it, sticky, when wide: drawn once, it travels once in the HTML and the
          React payload. Rows are spaced by margins (no row gap), so the rows the contents span
          beyond the last part cost no height. */}
      <article className="min-w-0 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-x-10">
        <header className="lg:col-start-1">
          {section && <p className="text-sm font-medium text-muted">{t('sectionLabel', { title: section })}</p>}
          <h1 className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">{lesson.title}</h1>
          <p className="mt-3 text-lg text-muted">{lesson.summary}</p>
          <div className="mt-5 grid gap-4 sm:grid-cols-2">
            <section aria-labelledby="objectives" className="rounded-lg border border-border bg-surface p-4">
              <h2 id="objectives" className="font-semibold">
                {t('objectives')}
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {lesson.objectives.map((objective) => (
                  <li key={objective}>{objective}</li>
                ))}
              </ul>
            </section>
            {prerequisites.length > 0 && (
              <section aria-labelledby="prerequisites" className="rounded-lg border border-border bg-surface p-4">
                <h2 id="prerequisites" className="font-semibold">
                  {t('prerequisites')}
                </h2>
                <ul className="mt-2 space-y-1 text-sm">
                  {prerequisites.map((meta) => (
                    <li key={meta.slug}>
                      <Link href={`/learn/${meta.slug}`} className="text-accent underline">
                        {meta.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        </header>

        {lesson.headings.length > 0 && (
          <div className="mt-6 lg:col-start-2 lg:row-span-6 lg:row-start-1 lg:mt-0">
            <TableOfContents
              title={t('toc')}
              itemsHtml={lesson.tocHtml}
              className="rounded-lg border border-border bg-surface p-4 lg:sticky lg:top-20 lg:rounded-none lg:border-0 lg:bg-transparent lg:p-0"
            />
          </div>
        )}

        <div className="mt-8 min-w-0 lg:col-start-1">
          <LessonBody parts={lesson.parts} />
        </div>

        <div className="mt-10 lg:col-start-1">
          <MarkComplete slug={lesson.slug} />
        </div>

        <nav aria-label={t('pager')} className="mt-8 grid gap-3 sm:grid-cols-2 lg:col-start-1">
          {previous ? (
            <Link
              href={`/learn/${previous.slug}`}
              rel="prev"
              className="rounded-lg border border-border bg-surface p-4 hover:bg-surface-2"
            >
              <span className="block text-sm text-muted">← {t('previous')}</span>
              <span className="font-semibold text-accent">{previous.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link
              href={`/learn/${next.slug}`}
              rel="next"
              className="rounded-lg border border-border bg-surface p-4 text-right hover:bg-surface-2"
            >
              <span className="block text-sm text-muted">{t('next')} →</span>
              <span className="font-semibold text-accent">{next.title}</span>
            </Link>
          )}
        </nav>
      </article>
    </ClientMessages>
  );
}

/** The lesson's headings as links. */
function TableOfContents({ title, itemsHtml, className }: { title: string; itemsHtml: string; className: string }) {
  return (
    <nav aria-labelledby="toc" className={className}>
      <h2 id="toc" className="text-sm font-semibold uppercase tracking-wide text-muted">
        {title}
      </h2>
      {/* Made by lib/content with the lesson, from its sanitized headings. */}
      <ul className="lesson-toc mt-2 space-y-1 text-sm" dangerouslySetInnerHTML={{ __html: itemsHtml }} />
    </nav>
  );
}
