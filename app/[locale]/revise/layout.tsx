import { pageLocale } from '@/app/_lib/i18n/page';
import { ClientMessages } from '@/app/_lib/i18n/client-messages';
import { ReviseNav } from '@/app/_components/revise/revise-nav';

export default async function ReviseLayout({ children, params }: LayoutProps<'/[locale]/revise'>) {
  const locale = await pageLocale(params);
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <ClientMessages scope="revise-nav" locale={locale}>
        <ReviseNav />
      </ClientMessages>
      {children}
    </div>
  );
}
