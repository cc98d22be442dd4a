import { getTranslations } from 'next-intl/server';
import { STATES, type TcpState } from '@/lib/engine/types';
import { pageLocale, titleFrom } from '@/app/_lib/i18n/page';
import { PrintButton } from '@/app/_components/revise/print-button';
import { SheetDiagram } from '@/app/_components/revise/sheet-diagram';
import './sheet.css';

export const generateMetadata = titleFrom('revise.sheet');

type Who = 'both' | 'client' | 'server' | 'serverOrBoth' | 'active' | 'passive' | 'simultaneous';

/** Which side passes through each state (RFC 9293 figure 5), for the states table. */
const WHO: Record<TcpState, Who> = {
  CLOSED: 'both',
  LISTEN: 'server',
  SYN_SENT: 'client',
  SYN_RECEIVED: 'serverOrBoth',
  ESTABLISHED: 'both',
  FIN_WAIT_1: 'active',
  FIN_WAIT_2: 'active',
  CLOSE_WAIT: 'passive',
  CLOSING: 'simultaneous',
  LAST_ACK: 'passive',
  TIME_WAIT: 'active',
};

export default async function SheetPage({ params }: PageProps<'/[locale]/revise/sheet'>) {
  await pageLocale(params);
  const t = await getTranslations('revise.sheet');
  const labels = { A: t('client'), B: t('server') };
  const formulas = t.raw('formulaRows') as string[];
  const timeWait = t.raw('timeWaitRows') as string[];
  const box = 'rounded-lg border border-border bg-surface p-3 print:border-black print:p-2';
  const h2 = 'mb-1 text-base font-semibold print:text-[10pt]';

  return (
    <article data-sheet className="space-y-3 print:space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight print:text-[14pt]">{t('title')}</h1>
        <p className="text-muted print:hidden">{t('intro')}</p>
        <PrintButton label={t('print')} />
      </div>
      <div className="grid gap-3 md:grid-cols-2 print:grid-cols-2 print:gap-2">
        <section className={box} aria-labelledby="sheet-handshake">
          <h2 id="sheet-handshake" className={h2}>
            {t('handshake')}
          </h2>
          <SheetDiagram
            title={t('diagramLabel', { title: t('handshake') })}
            labels={labels}
            height={178}
            arrows={[
              { from: 'A', y: 52, label: 'SYN seq=x' },
              { from: 'B', y: 92, label: 'SYN,ACK seq=y ack=x+1' },
              { from: 'A', y: 132, label: 'ACK seq=x+1 ack=y+1' },
            ]}
            states={[
              { side: 'A', y: 34, state: 'CLOSED' },
              { side: 'B', y: 34, state: 'LISTEN' },
              { side: 'A', y: 56, state: 'SYN_SENT' },
              { side: 'B', y: 80, state: 'SYN_RECEIVED' },
              { side: 'A', y: 120, state: 'ESTABLISHED' },
              { side: 'B', y: 160, state: 'ESTABLISHED' },
            ]}
          />
        </section>
        <section className={box} aria-labelledby="sheet-teardown">
          <h2 id="sheet-teardown" className={h2}>
            {t('teardown')}
          </h2>
          <SheetDiagram
            title={t('diagramLabel', { title: t('teardown') })}
            labels={labels}
            height={250}
            arrows={[
              { from: 'A', y: 50, label: 'FIN,ACK seq=u ack=v' },
              { from: 'B', y: 88, label: 'ACK seq=v ack=u+1' },
              { from: 'B', y: 134, label: 'FIN,ACK seq=w ack=u+1' },
              { from: 'A', y: 172, label: 'ACK seq=u+1 ack=w+1' },
            ]}
            states={[
              { side: 'A', y: 34, state: 'ESTABLISHED' },
              { side: 'B', y: 34, state: 'ESTABLISHED' },
              { side: 'A', y: 54, state: 'FIN_WAIT_1' },
              { side: 'B', y: 78, state: 'CLOSE_WAIT' },
              { side: 'A', y: 116, state: 'FIN_WAIT_2' },
              { side: 'B', y: 136, state: 'LAST_ACK' },
              { side: 'A', y: 162, state: 'TIME_WAIT' },
              { side: 'B', y: 200, state: 'CLOSED' },
              { side: 'A', y: 238, state: 'CLOSED' },
            ]}
            note={{ y1: 166, y2: 234, text: '2MSL' }}
          />
        </section>
      </div>
      <div className="grid gap-3 md:grid-cols-2 print:grid-cols-2 print:gap-2">
        <section className={box} aria-labelledby="sheet-formulas">
          <h2 id="sheet-formulas" className={h2}>
            {t('formulas')}
          </h2>
          <ul className="list-disc space-y-0.5 pl-5 text-sm print:text-[8.6pt]">
            {formulas.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </section>
        <section className={box} aria-labelledby="sheet-timewait">
          <h2 id="sheet-timewait" className={h2}>
            {t('timeWait')}
          </h2>
          <ul className="list-disc space-y-0.5 pl-5 text-sm print:text-[8.6pt]">
            {timeWait.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </section>
      </div>
      <section className={box} aria-labelledby="sheet-states">
        <h2 id="sheet-states" className={h2}>
          {t('states')}
        </h2>
        <table className="w-full border-collapse text-left text-sm print:text-[8.4pt]">
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-0.5 pr-2">
                {t('stateColumns.state')}
              </th>
              <th scope="col" className="py-0.5 pr-2">
                {t('stateColumns.who')}
              </th>
              <th scope="col" className="py-0.5">
                {t('stateColumns.leaves')}
              </th>
            </tr>
          </thead>
          <tbody>
            {STATES.map((s) => (
              <tr key={s} className="border-b border-border last:border-0">
                <th scope="row" className="py-0.5 pr-2 font-mono font-semibold">
                  {s}
                </th>
                <td className="py-0.5 pr-2">{t(`who.${WHO[s]}`)}</td>
                <td className="py-0.5">{t(`leavesOn.${s}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="text-sm print:text-[8.4pt]">{t('terms')}</p>
    </article>
  );
}
