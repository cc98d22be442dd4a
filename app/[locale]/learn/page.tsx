import { permanentRedirect } from 'next/navigation';
import { pageLocale } from '@/app/_lib/i18n/page';

/**
 * /en/learn, the folder the lessons live under, is where a reader who trims a lesson's URL lands:
 * the lessons are listed, in order, by the home page, so it sends them there (308).
 */
export default async function LearnIndexPage({ params }: PageProps<'/[locale]/learn'>) {
  permanentRedirect(`/${await pageLocale(params)}`);
}
