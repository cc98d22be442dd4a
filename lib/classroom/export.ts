// The gradebook as CSV (csv-stringify quotes names with commas and quotes) and an assignment's
// questions as Moodle XML, with the numbers of one fixed variant. Pure.
import { stringify } from 'csv-stringify/sync';
import { canonicalAnswer, flagsLabel, segmentOf, type SegmentAnswer } from '../engine/index';
import { askedSide, buildItem, checkAnswer, type ItemSpec, type QuizItem } from '../quiz/index';
import type { Gradebook } from './gradebook';

export function gradebookCsv(g: Gradebook): string {
  const header = ['name', 'email', 'attempts', 'submitted', 'score', 'out_of', ...Array.from({ length: g.count }, (_, i) => `q${i + 1}`)];
  const rows = g.rows.map((r) => [r.name, r.email, r.attempts, r.submitted ? 'yes' : 'no', r.correct, r.total, ...r.cells.map((c) => (c === null ? '' : c ? 1 : 0))]);
  return stringify([header, ...rows]);
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (html: string) => `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

function segmentLine(s: Pick<SegmentAnswer, 'flags' | 'seq' | 'ack' | 'len'>): string {
  return `${flagsLabel(s.flags) || '(no flags)'} seq=${s.seq} ack=${s.ack} len=${s.len}`;
}

/** The trace as the question shows it, one line per event, for an LMS that cannot draw diagrams. */
function traceText(item: QuizItem): string {
  const lines = item.trace.events.slice(0, item.shown).map((e, i) => {
    const s = segmentOf(e);
    if (s) return `${i + 1}. ${s.from} → ${s.from === 'A' ? 'B' : 'A'}: ${segmentLine(s)}`;
    return `${i + 1}. ${JSON.stringify(e)}`;
  });
  return `<pre>${xml(lines.join('\n'))}</pre>`;
}

const PROMPTS: Record<QuizItem['kind'], string> = {
  next_flags: 'Which flags does {side} set on the next segment it sends? (for example SYN,ACK)',
  seq: '{side} sends the next segment. What is its sequence number?',
  ack: '{side} sends the next segment. What is its acknowledgment number?',
  len: '{side} sends the next segment. How many bytes of data does it carry?',
  state: 'Which state is {side} in after the last event shown? (for example ESTABLISHED)',
  segment: 'Write the next segment {side} sends as FLAGS seq=N ack=N len=N.',
  spot_error: 'One segment in this trace breaks the rules. Which one?',
  multiple_choice: 'Which segment may {side} send next?',
  state_choice: 'Which states are A and B in after the last event shown?',
};

function question(item: QuizItem, n: number): string {
  const side = askedSide(item) ?? 'A';
  const text = `<p>${xml(PROMPTS[item.kind].replace('{side}', side))}</p>${traceText(item)}`;
  const head = (type: string) => `  <question type="${type}">\n    <name><text>Q${n} ${item.kind}</text></name>\n    <questiontext format="html"><text>${cdata(text)}</text></questiontext>\n    <defaultgrade>1</defaultgrade>\n`;
  const choices = (labels: string[], right: number) =>
    `${head('multichoice')}    <single>true</single>\n    <shuffleanswers>false</shuffleanswers>\n` +
    labels.map((l, i) => `    <answer fraction="${i === right ? 100 : 0}" format="html"><text>${cdata(xml(l))}</text></answer>\n`).join('') +
    '  </question>\n';
  const short = (answer: string) => `${head('shortanswer')}    <usecase>0</usecase>\n    <answer fraction="100"><text>${xml(answer)}</text></answer>\n  </question>\n`;

  switch (item.kind) {
    case 'spot_error':
      return choices(
        item.trace.events.map((e, i) => `${i + 1}. ${segmentOf(e) ? segmentLine(segmentOf(e) as SegmentAnswer) : 'not a segment'}`),
        item.event,
      );
    case 'multiple_choice':
      return choices(item.options.map(segmentLine), rightOption(item));
    case 'state_choice':
      return choices(item.options.map((p) => `A: ${p.A}, B: ${p.B}`), rightOption(item));
    default: {
      const answer = canonicalAnswer(item.question);
      if (typeof answer === 'number') {
        return `${head('numerical')}    <answer fraction="100"><text>${answer}</text><tolerance>0</tolerance></answer>\n  </question>\n`;
      }
      if (Array.isArray(answer)) return short(flagsLabel(answer));
      if (typeof answer === 'string') return short(answer);
      return short(segmentLine(answer));
    }
  }
}

function rightOption(item: QuizItem): number {
  const canonical = checkAnswer(item, { option: 0 }).canonical;
  return 'option' in (canonical as object) ? (canonical as { option: number }).option : 0;
}

export function moodleXml(title: string, specs: readonly ItemSpec[]): string {
  const category = `  <question type="category">\n    <category><text>$course$/SynAck/${xml(title)}</text></category>\n  </question>\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${category}${specs.map((s, i) => question(buildItem(s), i + 1)).join('')}</quiz>\n`;
}
