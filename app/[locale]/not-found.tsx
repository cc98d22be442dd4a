import { NotFoundView } from '@/app/_components/layout/not-found-view';

// What a notFound() thrown while rendering shows (a class or assignment that is not there).
// Next.js serves it as an empty shell drawn by the client (vercel/next.js#62228), so for every
// URL the proxy can tell is no page, the layout draws NotFoundView itself (lib/http/page-routes).
export default function NotFound() {
  return <NotFoundView />;
}
