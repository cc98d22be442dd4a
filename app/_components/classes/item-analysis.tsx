// The gradebook's item analysis: per question, how many of the students who answered it got it right.
import { useTranslations } from 'next-intl';
import type { ItemResult } from '@/lib/classroom/gradebook';

export function ItemAnalysis({ items }: { items: readonly ItemResult[] }) {
  const t = useTranslations('classes');
  return (
    <>
      <h3 className="mt-3 font-semibold">{t('byQuestion')}</h3>
      <ul className="mt-2 space-y-2" data-testid="item-analysis">
        {items.map((it) => (
          <li key={it.position} data-testid={`item-${it.position}`} data-answered={it.answered} data-right={it.right}>
            <p className="flex justify-between gap-2 text-sm">
              <span>{t('q', { n: it.position + 1 })}</span>
              <span className="tabular-nums">{t('itemRight', { answered: it.answered, right: it.right })}</span>
            </p>
            {/* Red for the share wrong, so an unanswered question stays an empty grey bar. */}
            <div aria-hidden="true" className="mt-1 flex h-2.5 overflow-hidden rounded-full bg-surface-2">
              <div className="h-full bg-ok" style={{ width: `${it.answered === 0 ? 0 : (it.right / it.answered) * 100}%` }} />
              <div className="h-full bg-danger" style={{ width: `${it.answered === 0 ? 0 : ((it.answered - it.right) / it.answered) * 100}%` }} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
