'use client';

import { useTranslations } from 'next-intl';
import type { CaptureReason } from '@/lib/capture/errors';

/** A reader's reason (a code and its numbers) as a sentence in the page's language. */
export function useReasonText(): (reason: CaptureReason) => string {
  const t = useTranslations('explore.reasons');
  return ({ code, ...params }) => t(code, params);
}
