import { getTranslations } from 'next-intl/server';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { CaptureExplorer, type Sample } from '@/app/_components/explore/capture-explorer';
import { PageHeader } from '@/app/_components/ui/page-header';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';

export const generateMetadata = titleFrom('explore');

/** Sample captures the project makes itself (scripts/make-samples.ts writes them from scenarios). */
const SAMPLES: Sample[] = [
  { id: 'handshake-and-close', href: '/samples/handshake-and-close.pcap' },
  { id: 'lost-segments', href: '/samples/lost-segments.pcap' },
  { id: 'refused-and-reset', href: '/samples/refused-and-reset.pcap' },
];

export default async function ExplorePage({ params }: PageProps<'/[locale]/explore'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('explore');
  return (
    <ClientMessages scope="explore" locale={locale}>
      <div className="mx-auto max-w-6xl">
        <PageHeader title={t('title')} intro={t('intro')} />
        <div className="mt-6">
          <CaptureExplorer samples={SAMPLES} />
        </div>
      </div>
    </ClientMessages>
  );
}
