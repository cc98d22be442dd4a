'use client';
// Words a failed API call in the reader's language: the server's code names the reason
// (classes.errors.<code>), with the fields it refused named as the form labels them; a fetch that
// never reached the server is "no connection".
import { useFormatter, useTranslations } from 'next-intl';
import { ApiError } from '@/app/_lib/api';

/** The request field -> the label of its form control (classes.*). */
const FIELD_LABELS: Record<string, string> = {
  title: 'form.name',
  topics: 'form.topics',
  kinds: 'form.kinds',
  count: 'form.count',
  difficulty: 'form.difficulty',
  variant: 'form.variant',
  attempts: 'form.attempts',
  timeLimit: 'form.timeLimit',
  feedback: 'form.feedback',
  opensAt: 'form.opensAt',
  dueAt: 'form.dueAt',
  name: 'newClass',
  code: 'joinCode',
};

export function useErrorText(): (error: unknown) => string {
  const t = useTranslations('classes');
  const format = useFormatter();
  const has = (key: string) => t.has(key as never);
  const say = (key: string, values?: Record<string, string>) => t(key as never, values as never);
  return (error) => {
    if (error instanceof ApiError) {
      const key = `errors.${error.code}`;
      if (!error.code || !has(key)) return say('failed');
      const fields = Object.keys(error.errors).map((f) => (FIELD_LABELS[f] ? say(FIELD_LABELS[f]) : f));
      return say(key, { fields: format.list(fields) });
    }
    return say(error instanceof TypeError ? 'errors.network' : 'failed');
  };
}
