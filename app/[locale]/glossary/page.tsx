import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { Link } from '@/app/_lib/i18n/navigation';
import { glossaryAnchor, loadGlossary, loadLessonMeta } from '@/lib/content';
import { PageHeader } from '@/app/_components/ui/page-header';

export const generateMetadata = titleFrom('glossary');

export default async function GlossaryPage({ params }: PageProps<'/[locale]/glossary'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('glossary');
  const entries = loadGlossary(locale);
  const lessonTitle = (slug: string) => loadLessonMeta(locale, slug)?.title;

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('title')} intro={t('intro')} />
      {entries.length === 0 ? (
        <p className="mt-8">{t('empty')}</p>
      ) : (
        <>
          <nav aria-label={t('index')} className="mt-6">
            <ul className="flex flex-wrap gap-2">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <a
                    href={`#${glossaryAnchor(entry.id)}`}
                    className="inline-block rounded-full border border-border bg-surface px-3 py-1 text-sm hover:bg-surface-2"
                  >
                    {entry.term}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <dl className="mt-8 space-y-4">
            {entries.map((entry) => (
              <div
                key={entry.id}
                id={glossaryAnchor(entry.id)}
                className="scroll-mt-24 rounded-lg border border-border bg-surface p-4 target:ring-2 target:ring-accent"
              >
                <dt className="text-lg font-semibold">
                  <a href={`#${glossaryAnchor(entry.id)}`} className="hover:underline">
                    {entry.term}
                  </a>
                </dt>
                {/* Sanitized by lib/content (rehype-sanitize). */}
                <dd className="prose-lesson mt-1" dangerouslySetInnerHTML={{ __html: entry.html }} />
                {entry.lessons.length > 0 && (
                  <dd className="mt-2 text-sm text-muted">
                    {t('taughtIn')}
                    {entry.lessons.map((slug, index) => (
                      <span key={slug}>
                        {index > 0 && t('listSeparator')}
                        <Link href={`/learn/${slug}`} className="text-accent underline">
                          {lessonTitle(slug) ?? slug}
                        </Link>
                      </span>
                    ))}
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
