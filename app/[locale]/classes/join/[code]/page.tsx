import { getTranslations } from 'next-intl/server';
import { pageLocale } from '@/app/_lib/i18n/page';
import { Link, redirect } from '@/app/_lib/i18n/navigation';
import { classroomForPage } from '@/app/_server/classroom';
import { ClassroomError } from '@/lib/classroom/service';

/** Next.js hands a dynamic segment over still percent-encoded: read it as the text it spells. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // the proxy refuses malformed escapes; this is only belt and braces
  }
}

/** A join link: a signed-in student joins and lands in the class; a visitor signs in first. */
export default async function JoinPage({ params }: PageProps<'/[locale]/classes/join/[code]'>) {
  const locale = await pageLocale(params);
  const code = decodedSegment((await params).code);
  const t = await getTranslations('classes');
  const ctx = await classroomForPage();
  const here = `/classes/join/${encodeURIComponent(code)}`;
  if (!ctx) redirect({ href: { pathname: '/sign-in', query: { next: here } }, locale });
  let message: string;
  try {
    const cls = await ctx!.service.joinClass(ctx!.actor, code.slice(0, 20));
    redirect({ href: `/classes/${cls.id}`, locale });
  } catch (e) {
    if (!(e instanceof ClassroomError)) throw e;
    message = t(`errors.${e.code}`);
  }
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('joinTitle')}</h1>
      <p role="alert" className="mt-3 text-danger">{message!}</p>
      <p className="mt-4"><Link href="/classes" className="text-accent underline">{t('title')}</Link></p>
    </div>
  );
}
