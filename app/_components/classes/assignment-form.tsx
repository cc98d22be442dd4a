'use client';
// The instructor's assignment form, to create one or to edit one before it opens: what to ask
// (topics, kinds, count, difficulty, variants) and the rules (open and due times, attempts, time
// limit, when feedback shows).
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { DIFFICULTIES, QUESTION_KINDS, TOPICS } from '@/lib/quiz/catalog';
import { FEEDBACK_RULES, VARIANTS, type AssignmentInput } from '@/lib/classroom/config';
import { api, ApiError } from '@/app/_lib/api';
import { useErrorText } from './error-text';
import { useRouter } from '@/app/_lib/i18n/navigation';
import { fromLocalInput, toLocalInput as local } from '@/app/_lib/local-time';

const box = 'mt-1 block w-full rounded-md border border-border bg-bg px-3 py-2';
const FIELDS = ['title', 'topics', 'kinds', 'count', 'difficulty', 'variant', 'attempts', 'timeLimit', 'feedback', 'opensAt', 'dueAt'];

/** `editing` is the assignment to change (PUT); without it the form creates one in the class. */
export function AssignmentForm({ classId, editing }: { classId: string; editing?: { id: string; input: AssignmentInput } }) {
  const t = useTranslations('classes.form');
  const te = useTranslations('classes.edit');
  const tk = useTranslations('quiz.kinds');
  const tp = useTranslations('practice.topicNames');
  const id = useId();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  const [now] = useState(() => Date.now());
  const [saved, setSaved] = useState(false);
  /** The fields the server refused, each marked and explained beside its control. */
  const [invalid, setInvalid] = useState<string[]>([]);
  const errorId = (field: string) => `${id}-${field}-error`;
  const marks = (field: string) => (invalid.includes(field) ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {});
  const fieldError = (field: string) =>
    invalid.includes(field) ? (
      <p id={errorId(field)} className="mt-1 text-sm text-danger">
        {t(`errors.${field}` as 'errors.title')}
      </p>
    ) : null;
  const initial = editing?.input;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const limit = String(f.get('timeLimit') ?? '');
    const body = {
      title: String(f.get('title') ?? ''),
      topics: f.getAll('topics'),
      kinds: f.getAll('kinds'),
      count: Number(f.get('count')),
      difficulty: f.get('difficulty'),
      variant: f.get('variant'),
      attempts: Number(f.get('attempts')),
      timeLimit: limit === '' ? null : Number(limit),
      feedback: f.get('feedback'),
      focus: initial?.focus ?? null,
      opensAt: fromLocalInput(String(f.get('opensAt'))),
      dueAt: fromLocalInput(String(f.get('dueAt'))),
    };
    try {
      const reply = editing
        ? await api<{ assignment: { id: string } }>(`/api/assignments/${editing.id}`, 'PUT', body)
        : await api<{ assignment: { id: string } }>(`/api/classes/${classId}/assignments`, 'POST', body);
      setError(null);
      setSaved(true);
      router.push(`/assignments/${reply.assignment.id}`);
    } catch (e) {
      const fields = e instanceof ApiError && e.code === 'invalidInput' ? Object.keys(e.errors).filter((f) => FIELDS.includes(f)) : [];
      setInvalid(fields);
      setError(fields.length > 0 ? t('errors.summary') : errorText(e));
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-border bg-surface p-4" aria-labelledby={editing ? undefined : `${id}-title`}>
      {!editing && <h2 id={`${id}-title`} className="text-xl font-semibold">{t('title')}</h2>}
      <div>
        <label htmlFor={`${id}-name`} className="block font-medium">{t('name')}</label>
        <input id={`${id}-name`} name="title" required {...marks('title')} maxLength={120} defaultValue={initial?.title} className={box} />
        {fieldError('title')}
      </div>
      <fieldset>
        <legend className="font-medium">{t('topics')}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {TOPICS.map((topic, i) => (
            <label key={topic} className="flex items-center gap-1.5">
              <input type="checkbox" name="topics" value={topic} defaultChecked={initial ? initial.topics.includes(topic) : i === 0} /> {tp(topic)}
            </label>
          ))}
        </div>
        {fieldError('topics')}
      </fieldset>
      <fieldset>
        <legend className="font-medium">{t('kinds')}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {QUESTION_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-1.5">
              <input type="checkbox" name="kinds" value={kind} defaultChecked={initial ? initial.kinds.includes(kind) : true} /> {tk(kind)}
            </label>
          ))}
        </div>
        {fieldError('kinds')}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-count`} className="block font-medium">{t('count')}</label>
          <input id={`${id}-count`} name="count" {...marks('count')} type="number" min={1} max={30} defaultValue={initial?.count ?? 5} className={box} />
          {fieldError('count')}
        </div>
        <div>
          <label htmlFor={`${id}-difficulty`} className="block font-medium">{t('difficulty')}</label>
          <select id={`${id}-difficulty`} name="difficulty" {...marks('difficulty')} defaultValue={initial?.difficulty} className={box}>
            {DIFFICULTIES.map((d) => <option key={d} value={d}>{t(`difficulties.${d}`)}</option>)}
          </select>
          {fieldError('difficulty')}
        </div>
        <div>
          <label htmlFor={`${id}-variant`} className="block font-medium">{t('variant')}</label>
          <select id={`${id}-variant`} name="variant" {...marks('variant')} defaultValue={initial?.variant} className={box}>
            {VARIANTS.map((v) => <option key={v} value={v}>{t(`variants.${v}`)}</option>)}
          </select>
          {fieldError('variant')}
        </div>
        <div>
          <label htmlFor={`${id}-opens`} className="block font-medium">{t('opensAt')}</label>
          <input id={`${id}-opens`} name="opensAt" {...marks('opensAt')} type="datetime-local" required defaultValue={local(initial?.opensAt ?? now)} className={box} />
          {fieldError('opensAt')}
        </div>
        <div>
          <label htmlFor={`${id}-due`} className="block font-medium">{t('dueAt')}</label>
          <input id={`${id}-due`} name="dueAt" {...marks('dueAt')} type="datetime-local" required defaultValue={local(initial?.dueAt ?? now + 7 * 86_400_000)} className={box} />
          {fieldError('dueAt')}
        </div>
        <div>
          <label htmlFor={`${id}-attempts`} className="block font-medium">{t('attempts')}</label>
          <input id={`${id}-attempts`} name="attempts" {...marks('attempts')} type="number" min={1} max={10} defaultValue={initial?.attempts ?? 1} className={box} />
          {fieldError('attempts')}
        </div>
        <div>
          <label htmlFor={`${id}-limit`} className="block font-medium">{t('timeLimit')}</label>
          <input id={`${id}-limit`} name="timeLimit" {...marks('timeLimit')} type="number" min={1} max={600} defaultValue={initial?.timeLimit ?? undefined} placeholder={t('noLimit')} className={box} />
          {fieldError('timeLimit')}
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-feedback`} className="block font-medium">{t('feedback')}</label>
          <select id={`${id}-feedback`} name="feedback" {...marks('feedback')} defaultValue={initial?.feedback ?? 'after_submit'} className={box}>
            {FEEDBACK_RULES.map((r) => <option key={r} value={r}>{t(`feedbackRules.${r}`)}</option>)}
          </select>
          {fieldError('feedback')}
        </div>
      </div>
      {error && <p role="alert" className="text-danger">{error}</p>}
      {saved && <p role="status">{te('saved')}</p>}
      <button type="submit" className="min-h-11 rounded-md bg-accent px-5 font-semibold text-accent-fg hover:opacity-90">{editing ? te('save') : t('create')}</button>
    </form>
  );
}
