import { notFound } from 'next/navigation';

// Any path under a locale that no other route matches gets the localized 404.
export default function CatchAll() {
  notFound();
}
