// The gradebook as CSV (csv-stringify quotes names with commas and quotes) and an assignment's
// questions as Moodle XML, with the numbers of one fixed variant, in English or Chinese. Pure.
import { stringify } from 'csv-stringify/sync';
import { canonicalAnswer, flagsText, otherSide, segmentOf, type Flag, type Lang, type SegmentAnswer, type TraceEvent } from '../engine/index';
import { askedSegment, askedSide, buildItem, byteAnswer, fitsTopic, gradeItem, rightResponse, type ItemSpec, type QuestionKind, type QuizItem, type Topic } from '../quiz/index';
import { freeField } from './free-field';
import type { Gradebook } from './gradebook';

/**
 * A text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe, as OWASP advises: a student named =HYPERLINK(...) stays a name.
 */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * With a UTF-8 byte order mark first: without it Excel reads the file in the system's code page
 * and a Chinese name comes out garbled (csv-parse skips it with its bom option). A student who
 * has not started has an empty score, not 0: an LMS import would record a 0 as a real grade.
 */
export function gradebookCsv(g: Gradebook): string {
  const header = ['name', 'email', 'attempts', 'submitted', 'score', 'out_of', ...Array.from({ length: g.count }, (_, i) => `q${i + 1}`)];
  const rows = g.rows.map((r) => [csvSafe(r.name), csvSafe(r.email), r.attempts, r.submitted ? 'yes' : 'no', r.attempts === 0 ? '' : r.correct, r.total, ...r.cells.map((c) => (c === null ? '' : c ? 1 : 0))]);
  return `\uFEFF${stringify([header, ...rows])}`;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (html: string) => `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** The words of the export, per language: an LMS shows them as they are. */
/** The numbers a byte-count prompt states. */
type ByteWords = { side: string; peer: string; from: number; to: number };

const WORDS = {
  en: {
    kinds: {
      next_flags: 'Next flags', seq: 'Sequence number', ack: 'Acknowledgment number', len: 'Length', state: 'State', segment: 'Whole segment',
      spot_error: 'Spot the error', multiple_choice: 'Multiple choice', state_choice: 'Multiple choice: states', bytes: 'Byte count',
    },
    topics: { handshake: 'Handshake', teardown: 'Teardown', states: 'States', edge_cases: 'Edge cases', data: 'Data and byte counts' },
    anyIsn: 'any ISN',
    noFlags: '(no flags)',
    call: (side: string, call: string, len?: number) => `${side} calls ${call}()${len === undefined ? '' : ` with ${len} bytes`}`,
    inFlight: (id: string) => ` (segment ${id}, in flight)`,
    arrives: (id: string, side: string) => `segment ${id} arrives at ${side}`,
    lost: (id: string) => `segment ${id} is lost`,
    timer: (side: string, timer: string) => `${side}'s ${timer === 'time_wait' ? 'TIME-WAIT (2MSL)' : 'retransmission'} timer fires`,
    notSegment: 'not a segment',
    statePair: (a: string, b: string) => `A: ${a}, B: ${b}`,
    prompts: {
      next_flags: 'Which flags does {side} set on the next segment it sends? (for example SYN,ACK)',
      seq: '{side} sends {flags} next. What is its sequence number?',
      ack: '{side} sends {flags} next. What is its acknowledgment number?',
      len: '{side} sends {flags} next. How many bytes of data does it carry?',
      state: 'Which state is {side} in after the last event shown? (for example ESTABLISHED)',
      segment: 'Fill in the next segment {side} sends.',
      spot_error: 'One segment in this trace breaks the rules. Which one?',
      multiple_choice: 'Which segment may {side} send next?',
      state_choice: 'Which states are A and B in after the last event shown?',
    },
    bytes: {
      span: (x: ByteWords) => `${x.side}'s SYN had seq = ${x.from} and its FIN has seq = ${x.to}. How many bytes of data did ${x.side} send in between?`,
      acked: (x: ByteWords) => `${x.peer} acknowledges with ack = ${x.to}; ${x.side}'s SYN had seq = ${x.from}. How many bytes of ${x.side}'s data has ${x.peer} received?`,
      retransmit: (x: ByteWords) => `${x.side}'s segment starting at seq = ${x.from} was lost. ${x.peer} has received the bytes from seq = ${x.to} on. How many bytes must ${x.side} send again?`,
    },
  },
  zh: {
    kinds: {
      next_flags: '下一个标志位', seq: '序号', ack: '确认号', len: '长度', state: '状态', segment: '完整报文段',
      spot_error: '找错误', multiple_choice: '选择题', state_choice: '选择题：状态', bytes: '字节数',
    },
    topics: { handshake: '三次握手', teardown: '四次挥手', states: '状态', edge_cases: '边界情况', data: '数据传输与字节数' },
    anyIsn: '任意 ISN',
    noFlags: '（无标志）',
    call: (side: string, call: string, len?: number) => `${side} 调用 ${call}()${len === undefined ? '' : `，发送 ${len} 字节`}`,
    inFlight: (id: string) => `（报文段 ${id}，在途）`,
    arrives: (id: string, side: string) => `报文段 ${id} 到达 ${side}`,
    lost: (id: string) => `报文段 ${id} 丢失`,
    timer: (side: string, timer: string) => `${side} 的${timer === 'time_wait' ? ' TIME-WAIT（2MSL）' : '重传'}定时器超时`,
    notSegment: '不是报文段',
    statePair: (a: string, b: string) => `A：${a}，B：${b}`,
    prompts: {
      next_flags: '{side} 发送的下一个报文段设置了哪些标志？（例如 SYN,ACK）',
      seq: '{side} 接下来发送 {flags}。它的序号是多少？',
      ack: '{side} 接下来发送 {flags}。它的确认号是多少？',
      len: '{side} 接下来发送 {flags}。它携带多少字节的数据？',
      state: '在最后一个事件之后，{side} 处于什么状态？（例如 ESTABLISHED）',
      segment: '填写 {side} 发送的下一个报文段。',
      spot_error: '这个过程中有一个报文段违反了规则。是哪一个？',
      multiple_choice: '{side} 接下来可以发送哪个报文段？',
      state_choice: '在最后一个事件之后，A 和 B 分别处于什么状态？',
    },
    bytes: {
      span: (x: ByteWords) => `${x.side} 的 SYN 的 seq = ${x.from}，它的 FIN 的 seq = ${x.to}。${x.side} 在这之间发送了多少字节数据？`,
      acked: (x: ByteWords) => `${x.peer} 发出确认 ack = ${x.to}；${x.side} 的 SYN 的 seq = ${x.from}。${x.peer} 已收到 ${x.side} 的多少字节数据？`,
      retransmit: (x: ByteWords) => `${x.side} 从 seq = ${x.from} 开始的报文段丢失了，${x.peer} 已收到从 seq = ${x.to} 起的字节。${x.side} 必须重传多少字节？`,
    },
  },
};
type Words = (typeof WORDS)[Lang];
// Every kind and topic has its words in both languages.
void (WORDS satisfies Record<Lang, { kinds: Record<QuestionKind, string>; topics: Record<Topic, string> }>);

function segmentLine(s: Pick<SegmentAnswer, 'flags' | 'seq' | 'ack' | 'len'>, w: Words): string {
  return `${flagsText(s.flags) || w.noFlags} seq=${s.seq} ack=${s.ack} len=${s.len}`;
}


/** One event as a plain line (an application call, a segment sent, delivered or lost, a timer). */
function eventLine(e: TraceEvent, w: Words, receivers: Map<string, string>): string {
  const s = segmentOf(e);
  if (s) {
    const line = `${s.from} → ${otherSide(s.from)}: ${segmentLine(s, w)}`;
    if ('send' in e) {
      receivers.set(e.id, otherSide(s.from));
      return line + w.inFlight(e.id);
    }
    return line;
  }
  if ('deliver' in e) return w.arrives(e.deliver, receivers.get(e.deliver) ?? '?');
  if ('drop' in e) return w.lost(e.drop);
  if ('app' in e) return w.call(e.app.at, e.app.call, 'len' in e.app ? (e.app.len as number) : undefined);
  if ('timeout' in e) return w.timer(e.timeout.at, e.timeout.timer);
  return '';
}

/** The trace as the question shows it, one line per event, for an LMS that cannot draw diagrams. */
function traceText(item: QuizItem, w: Words): string {
  const receivers = new Map<string, string>();
  const lines = item.trace.events.slice(0, item.shown).map((e, i) => `${i + 1}. ${eventLine(e, w, receivers)}`);
  return `<pre>${xml(lines.join('\n'))}</pre>`;
}

/** Every order of the flags: a learner may type them in any order. */
function flagOrders(flags: readonly Flag[]): Flag[][] {
  if (flags.length <= 1) return [[...flags]];
  return flags.flatMap((f, i) => flagOrders([...flags.slice(0, i), ...flags.slice(i + 1)]).map((rest) => [f, ...rest]));
}

/**
 * What a typed flags answer may look like: any order, as the engine takes them, written
 * "SYN,ACK", "SYN, ACK" or "SYN ACK" (Moodle compares the whole text; usecase 0 ignores case).
 * Spelled out: a wildcard such as SYN*ACK would also take "SYN,FIN,ACK".
 */
function flagSpellings(flags: readonly Flag[], w: Words): string[] {
  if (flags.length === 0) return [w.noFlags];
  return flagOrders(flags).flatMap((order) => [...new Set([',', ', ', ' '].map((sep) => order.join(sep)))]);
}

/** Cloze answers escape the characters its syntax uses. */
const clozeText = (t: string) => t.replace(/[\\}~#=]/g, (c) => `\\${c}`);

/**
 * The question's name in the LMS's bank: its number, topic and kind, as an instructor reads them.
 * The topic is the one the question was drawn as, by the moment it asks about (fitsTopic), not
 * by its scenario: a teardown scenario asked about its handshake is a handshake question.
 */
function questionName(item: QuizItem, n: number, topics: readonly Topic[], w: Words): string {
  const topic = topics.find((t) => fitsTopic(item, t, topics));
  return [`Q${n}`, ...(topic ? [w.topics[topic]] : []), w.kinds[item.kind]].join(' · ');
}

function question(spec: ItemSpec, n: number, lang: Lang, topics: readonly Topic[]): string {
  const w = WORDS[lang];
  const item = buildItem(spec);
  const side = askedSide(item) ?? 'A';
  const asked = askedSegment(item);
  const prompt =
    item.kind === 'bytes'
      ? w.bytes[item.question.ask]({ side, peer: otherSide(side), from: item.question.from, to: item.question.to })
      : w.prompts[item.kind].replace('{side}', side).replace('{flags}', asked ? flagsText(asked.flags) || w.noFlags : '');
  const text = `<p>${xml(prompt)}</p>${traceText(item, w)}`;
  // The engine's explanation of the right answer: what a learner reads in the LMS after answering.
  const general = feedback('generalfeedback', gradeItem(item, rightResponse(item), lang).explain, '    ');
  const head = (type: string, body = text) =>
    `  <question type="${type}">\n    <name><text>${xml(questionName(item, n, topics, w))}</text></name>\n    <questiontext format="html"><text>${cdata(body)}</text></questiontext>\n${general}    <defaultgrade>1</defaultgrade>\n`;
  // Each choice carries the engine's words on it: why it is right, or the rule it breaks.
  const choices = (labels: string[], right: number, says: (i: number) => string | null) =>
    `${head('multichoice')}    <single>true</single>\n    <shuffleanswers>false</shuffleanswers>\n` +
    labels
      .map((l, i) => {
        const said = says(i);
        return `    <answer fraction="${i === right ? 100 : 0}" format="html"><text>${cdata(xml(l))}</text>${said ? `\n${feedback('feedback', said, '      ')}    ` : ''}</answer>\n`;
      })
      .join('') +
    '  </question>\n';
  const optionSays = (i: number) => gradeItem(item, { option: i }, lang).explain;
  const short = (answers: string[]) =>
    `${head('shortanswer')}    <usecase>0</usecase>\n${answers.map((a) => `    <answer fraction="100"><text>${xml(a)}</text></answer>\n`).join('')}  </question>\n`;

  switch (item.kind) {
    case 'spot_error': {
      // The choices are the segments, numbered as the trace above numbers its events.
      const segments = item.trace.events.flatMap((e, i) => {
        const s = segmentOf(e);
        return s ? [{ i, line: `${i + 1}. ${segmentLine(s, w)}` }] : [];
      });
      const wrongAt = segments.findIndex((x) => x.i === item.event);
      // Only the planted mistake has words of its own; the general feedback says them to all.
      return choices(segments.map((x) => x.line), wrongAt, () => null);
    }
    case 'multiple_choice':
      return choices(item.options.map((o) => segmentLine(o, w)), rightOption(item), optionSays);
    case 'state_choice':
      return choices(item.options.map((p) => w.statePair(p.A, p.B)), rightOption(item), optionSays);
    case 'bytes':
      return `${head('numerical')}    <answer fraction="100"><text>${byteAnswer(item.question)}</text><tolerance>0</tolerance></answer>\n  </question>\n`;
    default: {
      const answer = canonicalAnswer(item.question);
      if (typeof answer === 'number') {
        return `${head('numerical')}    <answer fraction="100"><text>${answer}</text><tolerance>0</tolerance></answer>\n  </question>\n`;
      }
      if (Array.isArray(answer)) return short(flagSpellings(answer, w));
      if (typeof answer === 'string') return short([answer]);
      // A whole segment: the flags (in any order) and each number in a gap of its own, graded apart.
      // A number the rules leave free (a SYN's ISN) is no gap: it is said, since any value is right.
      const flags = flagSpellings(answer.flags, w).map((f) => `=${clozeText(f)}`).join('~');
      const gap = (field: 'seq' | 'ack') => (freeField(item.question, answer, field) ? w.anyIsn : `{1:NUMERICAL:=${answer[field]}:0}`);
      const gaps = `<p>flags {1:SHORTANSWER:${flags}} seq=${gap('seq')} ack=${gap('ack')} len={1:NUMERICAL:=${answer.len}:0}</p>`;
      return `${head('cloze', text + gaps)}  </question>\n`;
    }
  }
}

/** A Moodle feedback element (generalfeedback, or an answer's feedback) holding plain text. */
function feedback(tag: string, words: string, indent: string): string {
  return `${indent}<${tag} format="html"><text>${cdata(`<p>${xml(words)}</p>`)}</text></${tag}>\n`;
}

function rightOption(item: QuizItem): number {
  const key = rightResponse(item);
  return typeof key === 'object' && key !== null && 'option' in key ? key.option : 0;
}

/** The assignment's questions; `topics` (the assignment's) name each question's topic. */
export function moodleXml(title: string, specs: readonly ItemSpec[], lang: Lang = 'en', topics: readonly Topic[] = []): string {
  const category = `  <question type="category">\n    <category><text>$course$/SynAck/${xml(title)}</text></category>\n  </question>\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${category}${specs.map((s, i) => question(s, i + 1, lang, topics)).join('')}</quiz>\n`;
}
