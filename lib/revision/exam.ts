// A timed mock exam: questions of every practice kind drawn from the chosen topics (flags, seq/ack,
// whole segments, states, spot the error, exam-style multiple choice) and the exam track; answers
// kept without feedback until the end or the time-out, then a report. The session is plain JSON with an absolute deadline, so a reload continues it with the
// time that is left. Pure: every time comes in as an argument.
import { seededRandom, type Difficulty, type Lang } from '../engine/index';
import { pickTopicItem, responseSchema, topicShapes, TOPICS, type Attempt, type Skill, type Topic } from '../quiz/index';
import { buildQuestion, gradeQuestion, refOfSpec, refOfTrack, rightAnswerOf, type QuestionGrade } from './question';
import { TRACK_STYLES } from './track';

export const EXAM_TOPICS = [...TOPICS, 'exam_track'] as const;
export type ExamTopic = (typeof EXAM_TOPICS)[number];

export const EXAM_LIMITS = { count: { min: 1, max: 40 }, minutes: { min: 1, max: 180 } } as const;

export interface ExamConfig {
  count: number;
  minutes: number;
  topics: ExamTopic[];
  difficulty: Difficulty;
}

export interface ExamAnswer {
  response: unknown;
  at: number;
}

export interface ExamSession {
  id: string;
  config: ExamConfig;
  refs: string[];
  startedAt: number;
  deadline: number;
  answers: Array<ExamAnswer | null>;
  /** Which question was on screen from when: the time taken per question is read from it. */
  visits: Array<{ index: number; at: number }>;
  finishedAt: number | null;
}

export interface ItemReport {
  index: number;
  ref: string;
  response: unknown;
  answered: boolean;
  correct: boolean;
  /** The grade of the learner's answer (null when unanswered). */
  grade: QuestionGrade | null;
  /** The grade of the right answer: its value and the rule behind it. */
  right: QuestionGrade | null;
  skill: Skill;
  seconds: number;
}

export interface SkillScore {
  skill: Skill;
  correct: number;
  total: number;
}

export interface ExamReport {
  id: string;
  startedAt: number;
  endedAt: number;
  timedOut: boolean;
  total: number;
  answered: number;
  correct: number;
  items: ItemReport[];
  /** Skills with a wrong or missing answer, weakest first. */
  weakest: SkillScore[];
}

/** What the list of past exams keeps of each. */
export interface ExamSummary {
  id: string;
  at: number;
  total: number;
  correct: number;
  minutes: number;
  timedOut: boolean;
  topics: ExamTopic[];
  /** Time taken, handing in to starting, in ms (absent on exams summarised before it was kept). */
  taken?: number;
}

const TRACK_TRIES = 8;

/**
 * A question of a topic: an exam-track one, or a practice question asking about the topic's
 * moments (a Teardown exam asks nothing of the handshake its scenarios open with). A quiz topic
 * with nothing to ask among the ticked ones (States beside Data only) gives its turn to the next.
 */
function drawRef(topics: readonly ExamTopic[], slot: number, difficulty: Difficulty, rng: ReturnType<typeof seededRandom>, n: number): string | null {
  const ticked = topics.filter((t): t is Topic => t !== 'exam_track');
  for (let turn = 0; turn < topics.length; turn++) {
    const topic = topics[(slot + turn) % topics.length] as ExamTopic;
    if (topic === 'exam_track') {
      // some seeds of a style have nothing to ask: the next style is tried
      for (let i = 0; i < TRACK_TRIES; i++) {
        const ref = refOfTrack({ style: TRACK_STYLES[(n + i) % TRACK_STYLES.length] as (typeof TRACK_STYLES)[number], seed: rng.int(0, 0xffff_ffff), difficulty });
        if (buildQuestion(ref)) return ref;
      }
      continue;
    }
    const ask = { topic, ticked, difficulty };
    const shapes = topicShapes(ask);
    if (shapes.length > 0) return refOfSpec(pickTopicItem(ask, rng.pick(shapes), rng.int(0, 0xffff_ffff)).spec);
  }
  return null;
}

/** A new exam: `count` questions, round-robin over the topics so each appears. */
export function makeExam(config: ExamConfig, seed: number, at: number): ExamSession {
  const rng = seededRandom(seed);
  const topics: ExamTopic[] = config.topics.length > 0 ? config.topics : ['handshake'];
  const refs = Array.from({ length: config.count }, (_, i) => drawRef(topics, i, config.difficulty, rng, Math.floor(i / topics.length))).filter((r): r is string => r !== null);
  return {
    id: `${at.toString(36)}-${(seed >>> 0).toString(36)}`,
    config: { ...config, topics },
    refs,
    startedAt: at,
    deadline: at + config.minutes * 60_000,
    answers: refs.map(() => null),
    visits: [{ index: 0, at }],
    finishedAt: null,
  };
}

export function isOver(s: ExamSession, at: number): boolean {
  return s.finishedAt !== null || at >= s.deadline;
}

export function timeLeft(s: ExamSession, at: number): number {
  return isOver(s, at) ? 0 : s.deadline - at;
}

/** Keeps an answer (the last one given counts); none is taken once the exam is over. */
export function answerQuestion(s: ExamSession, index: number, response: unknown, at: number): ExamSession {
  if (isOver(s, at) || index < 0 || index >= s.refs.length) return s;
  return { ...s, answers: s.answers.map((a, i) => (i === index ? { response, at } : a)) };
}

/** Notes that question `index` is on screen from now. */
export function visitQuestion(s: ExamSession, index: number, at: number): ExamSession {
  if (isOver(s, at) || index < 0 || index >= s.refs.length || s.visits.at(-1)?.index === index) return s;
  return { ...s, visits: [...s.visits, { index, at }] };
}

/** Hands the exam in. At or after the deadline it ends at the deadline: a time-out. */
export function finishExam(s: ExamSession, at: number): ExamSession {
  return s.finishedAt !== null ? s : { ...s, finishedAt: Math.min(at, s.deadline) };
}

function endOf(s: ExamSession): number {
  return s.finishedAt ?? s.deadline;
}

/** Seconds each question was on screen, from the visit log, up to the end. */
export function secondsPerQuestion(s: ExamSession): number[] {
  const end = endOf(s);
  const ms = s.refs.map(() => 0);
  s.visits.forEach((v, i) => {
    const until = Math.min(s.visits[i + 1]?.at ?? end, end);
    if (until > v.at) ms[v.index] = (ms[v.index] ?? 0) + (until - v.at);
  });
  return ms.map((m) => Math.round(m / 1000));
}

/**
 * The report of an exam that is over. What was answered before the end counts; an unanswered
 * question (or a response of the wrong shape) is wrong. The weakest skills are those with the
 * lowest share right among those with a miss.
 */
export function scoreExam(s: ExamSession, lang: Lang): ExamReport {
  const end = endOf(s);
  const seconds = secondsPerQuestion(s);
  const items: ItemReport[] = s.refs.map((ref, index) => {
    const q = buildQuestion(ref);
    const answer = s.answers[index];
    const counted = answer && answer.at <= end ? answer : null;
    let grade: QuestionGrade | null = null;
    if (q && counted) {
      try {
        grade = gradeQuestion(q, counted.response, lang);
      } catch {
        grade = null; // a malformed stored response counts as no answer
      }
    }
    const right = q ? rightAnswerOf(q, lang) : null;
    const skill = grade?.skill ?? q?.skill ?? 'spot_the_error';
    return { index, ref, response: grade ? (counted?.response ?? null) : null, answered: grade !== null, correct: grade?.correct ?? false, grade, right, skill, seconds: seconds[index] ?? 0 };
  });
  return {
    id: s.id,
    startedAt: s.startedAt,
    endedAt: end,
    timedOut: s.finishedAt === null || s.finishedAt >= s.deadline,
    total: items.length,
    answered: items.filter((i) => i.answered).length,
    correct: items.filter((i) => i.correct).length,
    items,
    weakest: weakestSkills(items),
  };
}

function weakestSkills(items: readonly ItemReport[]): SkillScore[] {
  const by = new Map<Skill, SkillScore>();
  for (const item of items) {
    const s = by.get(item.skill) ?? { skill: item.skill, correct: 0, total: 0 };
    by.set(item.skill, { ...s, total: s.total + 1, correct: s.correct + (item.correct ? 1 : 0) });
  }
  return [...by.values()]
    .filter((s) => s.correct < s.total)
    .sort((x, y) => x.correct / x.total - y.correct / y.total || y.total - x.total || x.skill.localeCompare(y.skill));
}

export function summarizeExam(s: ExamSession, report: ExamReport): ExamSummary {
  return { id: s.id, at: s.startedAt, total: report.total, correct: report.correct, minutes: s.config.minutes, timedOut: report.timedOut, topics: s.config.topics, taken: report.endedAt - report.startedAt };
}

/**
 * An exam's answered practice questions as progress attempts, at the time the exam ended, so the
 * progress page counts a mock exam like any other answer. An exam-track question has no quiz kind
 * and is left out; so is an unanswered one (it is a miss in the report, not an answer). Pure.
 */
export function examAttempts(report: ExamReport): Attempt[] {
  return report.items.flatMap((i) => {
    const q = i.answered && i.grade ? buildQuestion(i.ref) : null;
    const response = responseSchema.safeParse(i.response);
    if (q?.source !== 'quiz' || !i.grade || !response.success) return [];
    return [{ at: report.endedAt, item: i.ref, kind: q.item.kind, skill: i.skill, correct: i.correct, misconception: i.correct ? null : i.grade.misconception, response: response.data }];
  });
}
