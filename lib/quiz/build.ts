// Builds a question from its spec, deterministically: the scenario, which event is asked, the
// options of a multiple-choice question, the planted mistake of a spot-the-error question.
import {
  canonicalAnswer,
  deriveQuestion,
  generateScenario,
  judgeAnswer,
  otherSide,
  QuestionError,
  replayRecords,
  seededRandom,
  segmentOf,
  withoutCheckpoints,
  type Flag,
  type Question,
  type QuestionField,
  type Random,
  type Segment,
  type SegmentAnswer,
  type StatePair,
  type TcpState,
  type Side,
  type Trace,
} from '../engine/index';
import { byteQuestions, shownWithEvent } from './byte-count';
import type { QuestionKind } from './catalog';
import { offerChoices } from './choices';
import type { FieldItem, QuizItem, StateItem } from './item';
import type { ItemSpec } from './spec';

const FIELD_OF: Record<FieldItem['kind'], QuestionField> = {
  next_flags: 'flags',
  seq: 'seq',
  ack: 'ack',
  len: 'len',
  segment: 'segment',
};

/** Segments whose seq is fixed by the rules, asked the engine: not a new ISN, which is free. */
function fixedSeqSegments(trace: Trace): number[] {
  return trace.events.flatMap((e, i) => {
    const s = segmentOf(e);
    if (!s) return [];
    const q = deriveQuestion(trace, i, 'seq');
    return judgeAnswer(q, (s.seq + 1) % 0x1_0000_0000).correct ? [] : [i];
  });
}

/**
 * The segments a question of this kind may ask about. A seq question needs a seq the rules fix;
 * every other kind may ask about any segment, a SYN,ACK too (its flags and ack are fixed, and a
 * whole-segment answer takes any ISN), which is the most common exam question.
 */
function askableSegments(trace: Trace, kind: QuestionKind): number[] {
  if (kind === 'seq') return fixedSeqSegments(trace);
  return trace.events.flatMap((e, i) => (segmentOf(e) ? [i] : []));
}

const stepStates = (trace: Trace): string[] => replayRecords(trace).map((r) => `${r.states.A} ${r.states.B}`);

/** The call that opens a connection: its state change is the same in every scenario. */
const opensConnection = (e: Trace['events'][number] | undefined): boolean => e !== undefined && 'app' in e && (e.app.call === 'connect' || e.app.call === 'listen');

/**
 * Events after which some endpoint's state changed, with both states then: the interesting state
 * questions. Above beginner level the change a connect() or listen() call makes is left out, so
 * an expert is asked about the part of the scenario that makes it what it is (the loss, the RST,
 * the crossing FINs), not "which state is A in after connect()" again.
 */
function stateChanges(trace: Trace, difficulty: ItemSpec['difficulty']): Array<{ event: number; side: Side; states: StatePair }> {
  const records = replayRecords(trace);
  const out: Array<{ event: number; side: Side; states: StatePair }> = [];
  records.forEach((r, i) => {
    if (difficulty !== 'beginner' && opensConnection(trace.events[i])) return;
    const before = i === 0 ? null : records[i - 1]?.states;
    for (const side of ['A', 'B'] as Side[]) if (!before || before[side] !== r.states[side]) out.push({ event: i, side, states: r.states });
  });
  return out;
}

const toggle = (flags: readonly Flag[], f: Flag): Flag[] => (flags.includes(f) ? flags.filter((x) => x !== f) : [...flags, f]);

/** Wrong segments a learner with a known misconception would pick; the engine filters out any legal one. */
function distractorCandidates(right: SegmentAnswer, peerIsn: number): SegmentAnswer[] {
  const wrap = (n: number) => (n + 0x1_0000_0000) % 0x1_0000_0000;
  return [
    { ...right, ack: wrap(right.ack - 1) }, // a SYN or FIN consumes one number: ack = x, not x + 1
    { ...right, seq: right.ack, ack: right.seq }, // own and peer numbers swapped
    { ...right, flags: toggle(right.flags, 'ACK'), ack: right.flags.includes('ACK') ? 0 : right.ack }, // ACK flag vs ack number
    { ...right, flags: right.flags.includes('SYN') ? toggle(right.flags, 'SYN') : right.flags.includes('FIN') ? toggle(right.flags, 'FIN') : [...right.flags, 'FIN'] },
    { ...right, seq: wrap(right.seq + 1) },
    { ...right, ack: wrap(right.ack + 1) },
    { ...right, ack: wrap(right.ack - peerIsn) }, // relative instead of absolute numbers
    { ...right, seq: peerIsn }, // reusing the peer's ISN
  ];
}

function firstSynSeq(trace: Trace, side: Side): number {
  for (const e of trace.events) {
    const s = segmentOf(e);
    if (s && s.from === side && s.flags.includes('SYN')) return s.seq;
  }
  return 0;
}

function multipleChoice(rng: Random, q: Question, trace: Trace): SegmentAnswer[] {
  const right = canonicalAnswer(q) as SegmentAnswer;
  const sender = (segmentOf(trace.events[q.event]) as Segment).from;
  const candidates = distractorCandidates(right, firstSynSeq(trace, otherSide(sender)));
  // A segment with no flags at all is wrong too obviously to teach anything.
  return offerChoices(rng, right, candidates, (c) => c.flags.length > 0 && !judgeAnswer(q, c).correct);
}

/** The confusions learners make between states, each applied to one side at a time. */
const CONFUSED: ReadonlyArray<[TcpState, TcpState]> = [
  ['CLOSE_WAIT', 'LAST_ACK'],
  ['FIN_WAIT_1', 'FIN_WAIT_2'],
  ['SYN_SENT', 'SYN_RECEIVED'],
  ['SYN_RECEIVED', 'ESTABLISHED'],
  ['TIME_WAIT', 'CLOSED'],
  ['FIN_WAIT_2', 'TIME_WAIT'],
  ['CLOSING', 'TIME_WAIT'],
  ['LISTEN', 'SYN_RECEIVED'],
  ['ESTABLISHED', 'CLOSE_WAIT'],
];

/**
 * Pairs of states for "which states are A and B in now?": the right pair, the sides swapped (the
 * wrong side in TIME_WAIT, the client in CLOSE_WAIT), and one side confused with a neighbouring
 * state. Every distractor is checked wrong by replay.
 */
function stateChoices(rng: Random, right: StatePair): StatePair[] {
  const swapped: StatePair = { A: right.B, B: right.A };
  const confused = (['A', 'B'] as Side[]).flatMap((side) =>
    CONFUSED.flatMap(([x, y]) => (right[side] === x ? [y] : right[side] === y ? [x] : [])).map((s) => ({ ...right, [side]: s }) as StatePair),
  );
  return offerChoices(rng, right, [swapped, ...rng.shuffle(confused)], () => true);
}

/**
 * Plants one mistake the engine must catch at exactly that event: the rest of the trace stays
 * valid, and every step's states are those of the unchanged trace, so neither a cascade of
 * errors nor a diagram frozen at the mistake points at the answer.
 */
function plantMistake(rng: Random, trace: Trace): { trace: Trace; event: number } {
  const candidates = rng.shuffle(fixedSeqSegments(trace));
  const states = stepStates(trace);
  for (const event of candidates) {
    const original = segmentOf(trace.events[event]) as Segment;
    const mutations: Segment[] = rng.shuffle([
      { ...original, ack: (original.ack + 1) % 0x1_0000_0000 },
      { ...original, seq: (original.seq + 1) % 0x1_0000_0000 },
      { ...original, flags: toggle(original.flags, 'ACK') },
      { ...original, ack: (original.ack + 0xffff_ffff) % 0x1_0000_0000 },
    ]);
    for (const m of mutations) {
      const events = trace.events.map((e, i) => (i !== event ? e : 'send' in e ? { send: m, id: e.id } : m));
      const planted = { ...trace, events };
      const records = replayRecords(planted);
      const wrong = records.flatMap((r, i) => (r.finding ? [i] : []));
      if (wrong.length === 1 && wrong[0] === event && records.every((r, i) => `${r.states.A} ${r.states.B}` === states[i])) return { trace: planted, event };
    }
  }
  throw new Error(`no mistake can be planted in ${trace.name ?? 'this trace'}`);
}

/** Rebuilds the item a spec names. Pure and deterministic. */
export function buildItem(spec: ItemSpec): QuizItem {
  const rng = seededRandom(spec.seed ^ 0x5bd1e995);
  const trace = withoutCheckpoints(generateScenario(spec.family, { seed: spec.seed, difficulty: spec.difficulty }));
  const base = { spec, family: spec.family, trace };
  switch (spec.kind) {
    case 'spot_error': {
      const planted = plantMistake(rng, trace);
      return { ...base, kind: 'spot_error', trace: planted.trace, shown: planted.trace.events.length, event: planted.event };
    }
    case 'state': {
      const { event, side } = rng.pick(stateChanges(trace, spec.difficulty));
      return { ...base, kind: 'state', shown: event + 1, event, question: stateQuestion(trace, event, side) };
    }
    case 'state_choice': {
      // Asked where the states differ, so that swapping the sides is a real distractor.
      const changes = stateChanges(trace, spec.difficulty);
      const differing = changes.filter(({ states }) => states.A !== states.B);
      const { event, states } = rng.pick(differing.length > 0 ? differing : changes);
      return { ...base, kind: 'state_choice', shown: event + 1, event, question: stateQuestion(trace, event, 'A'), options: stateChoices(rng, states) };
    }
    case 'bytes': {
      const candidates = byteQuestions(trace);
      if (candidates.length === 0) throw new QuestionError(`${spec.family} asks no byte count: no side sends data before its FIN, nor is data acknowledged`);
      const { event, question } = rng.pick(candidates);
      return { ...base, kind: 'bytes', shown: shownWithEvent(question) ? event + 1 : event, event, question };
    }
    case 'multiple_choice': {
      const event = rng.pick(askableSegments(trace, spec.kind));
      const question = deriveQuestion(trace, event, 'segment');
      return { ...base, kind: 'multiple_choice', shown: event, event, question, options: multipleChoice(rng, question, trace) };
    }
    default: {
      const event = rng.pick(askableSegments(trace, spec.kind));
      return { ...base, kind: spec.kind, shown: event, event, question: deriveQuestion(trace, event, FIELD_OF[spec.kind]) };
    }
  }
}

function stateQuestion(trace: Trace, event: number, side: Side): StateItem['question'] {
  return { ...deriveQuestion(trace, event, 'state', side), side };
}

const KIND_OF_FIELD: Record<Exclude<QuestionField, 'segment' | 'state'>, FieldItem['kind']> = { flags: 'next_flags', seq: 'seq', ack: 'ack', len: 'len' };

/**
 * A lesson's own question (a ```quiz block): the author names the trace, the event and the field.
 * Throws the engine's QuestionError when the block asks something the trace cannot answer.
 */
export function lessonItem(trace: Trace, event: number, field: Exclude<QuestionField, 'segment'>, side?: Side): FieldItem | StateItem {
  const shown = trace.events.some((e) => 'expect' in e) ? reindexWithoutCheckpoints(trace, event) : { trace, event };
  const base = { spec: null, family: trace.name ?? '', trace: shown.trace, event: shown.event };
  if (field === 'state') {
    if (!side) throw new QuestionError('a state question names the side (A or B)');
    return { ...base, kind: 'state', shown: shown.event + 1, question: stateQuestion(shown.trace, shown.event, side) };
  }
  return { ...base, kind: KIND_OF_FIELD[field], shown: shown.event, question: deriveQuestion(shown.trace, shown.event, field) };
}

/** Drops checkpoints and maps the author's event index onto the remaining events. */
export function reindexWithoutCheckpoints(trace: Trace, event: number): { trace: Trace; event: number } {
  const before = trace.events.slice(0, event).filter((e) => 'expect' in e).length;
  return { trace: withoutCheckpoints(trace), event: event - before };
}
