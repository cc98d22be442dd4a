// A static sequence diagram for the printed summary sheet: two time lines, the segments between
// them with their seq/ack in letters, and the state each side enters. Server-rendered SVG.

export interface SheetArrow {
  from: 'A' | 'B';
  y: number;
  label: string;
}

export interface SheetState {
  side: 'A' | 'B';
  y: number;
  state: string;
}

const W = 380;
const LEFT = 96;
const RIGHT = 284;
const DROP = 26;
const LABEL_SIZE = 10;
// A monospace advance is 0.6 em (DejaVu Sans Mono, Noto Sans Mono); a little more so a wider
// fallback font still clears the line. The descent below the baseline is about 0.25 em.
const ADVANCE = 0.62;
const DESCENT = 0.25;
const CLEARANCE = 2;

/**
 * The baseline of an arrow's label, centred between the time lines: a sloping arrow is highest at
 * one end of the label's span, so the label sits above that point and no part of the line crosses
 * its text (a label on the line's midpoint is cut by the slope on both sides).
 */
function labelBaseline(arrowY: number, label: string): number {
  const half = (label.length * ADVANCE * LABEL_SIZE) / 2;
  const highest = arrowY + (DROP * ((RIGHT - LEFT) / 2 - half)) / (RIGHT - LEFT);
  return highest - CLEARANCE - DESCENT * LABEL_SIZE;
}

export function SheetDiagram({ title, labels, arrows, states, height, note }: { title: string; labels: { A: string; B: string }; arrows: SheetArrow[]; states: SheetState[]; height: number; note?: { y1: number; y2: number; text: string } }) {
  return (
    <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={title} className="h-auto w-full" fontFamily="ui-monospace, monospace">
      <defs>
        <marker id={`arrow-${title.length}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
        </marker>
      </defs>
      <text x={LEFT} y={12} textAnchor="middle" fontSize="11" fontWeight="bold" fill="currentColor">
        {labels.A}
      </text>
      <text x={RIGHT} y={12} textAnchor="middle" fontSize="11" fontWeight="bold" fill="currentColor">
        {labels.B}
      </text>
      <line x1={LEFT} x2={LEFT} y1={18} y2={height - 4} stroke="currentColor" strokeWidth="1.5" />
      <line x1={RIGHT} x2={RIGHT} y1={18} y2={height - 4} stroke="currentColor" strokeWidth="1.5" />
      {arrows.map((a, i) => {
        const [x1, x2] = a.from === 'A' ? [LEFT, RIGHT] : [RIGHT, LEFT];
        return (
          <g key={i}>
            <line x1={x1} y1={a.y} x2={x2} y2={a.y + DROP} stroke="currentColor" strokeWidth="1.2" markerEnd={`url(#arrow-${title.length})`} />
            <text x={(LEFT + RIGHT) / 2} y={labelBaseline(a.y, a.label)} textAnchor="middle" fontSize={LABEL_SIZE} fill="currentColor">
              {a.label}
            </text>
          </g>
        );
      })}
      {states.map((s, i) => (
        <text key={i} x={s.side === 'A' ? LEFT - 5 : RIGHT + 5} y={s.y + 3} textAnchor={s.side === 'A' ? 'end' : 'start'} fontSize="9.5" fill="currentColor">
          {s.state}
        </text>
      ))}
      {note && (
        <g>
          <line x1={LEFT - 3} x2={LEFT - 3} y1={note.y1} y2={note.y2} stroke="currentColor" strokeDasharray="2 2" />
          <text x={LEFT + 6} y={(note.y1 + note.y2) / 2 + 3} fontSize="9.5" fill="currentColor">
            {note.text}
          </text>
        </g>
      )}
    </svg>
  );
}
