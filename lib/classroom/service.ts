// Classes, assignments, attempts and answers: every rule of who may do what, on top of the Store.
// Each method takes the acting user and refuses with a ClassroomError (an HTTP status and a
// reason) before it changes anything. The clock comes in, so tests can move time.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { AnswerRecord, AssignmentRecord, AttemptRecord, ClassRecord, Role, Store } from '../db/index';
import { buildItem, checkAnswer, decodeSpec, encodeSpec, gradeItem, ResponseError, rightResponse, type ItemCheck, type QuizItem, type Response } from '../quiz/index';
import type { Lang, SegmentAnswer } from '../engine/index';
import { assignmentConfigSchema, splitInput, type AssignmentConfig, type AssignmentInput } from './config';
import { answerInTime, answersClosed, attemptDeadline, attemptOver, feedbackVisible, studentStatus, timeToAnswer, type AssignmentStatus } from './rules';
import { attemptSpecs, SAMPLE_STUDENT } from './specs';
import { itemView, type ItemView } from './view';
import { ClassroomError } from './errors';
import { freeField } from './free-field';

export { ClassroomError } from './errors';

export interface Actor {
  id: string;
  role: Role;
}

export interface Assignment extends Omit<AssignmentRecord, 'config' | 'seed'> {
  config: AssignmentConfig;
}

export interface Feedback {
  position: number;
  correct: boolean;
  explain: string;
  canonical: ItemCheck['canonical'];
  /** The canonical segment's seq is the sender's ISN, free: any value is right. */
  freeSeq: boolean;
  misconception: string | null;
  /** False for a question left unanswered when the attempt ended: the key and its explanation. */
  answered: boolean;
}

/** A question of the instructor's preview: what a student sees, and the answer key. */
export type PreviewQuestion = ItemView & { key: Feedback };

export interface AttemptView {
  id: string;
  assignment: Pick<Assignment, 'id' | 'classId' | 'title' | 'dueAt'> & Pick<AssignmentConfig, 'feedback' | 'timeLimit' | 'attempts'>;
  number: number;
  startedAt: number;
  deadline: number;
  /** The server's clock when this view was made: a countdown runs on it, not on the device's clock. */
  now: number;
  submittedAt: number | null;
  over: boolean;
  items: ItemView[];
  answers: Array<{ position: number; clientSeq: number; response: unknown }>;
  /** Per answered item, only when the feedback rule allows it. */
  feedback: Feedback[] | null;
  score: { correct: number; total: number } | null;
}

const JOIN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function joinCode(): string {
  return Array.from(randomBytes(8), (b) => JOIN_ALPHABET[b % JOIN_ALPHABET.length]).join('');
}

/**
 * Items by encoded spec. Building one replays its scenario, and every answer, view and preview
 * needs the attempt's items: a bounded cache of a pure function, so an instance without it (a
 * restart, a second server) only builds again.
 */
const builtItems = new LRUCache<string, QuizItem>({ max: 5000 });

function itemAt(spec: string): QuizItem {
  const cached = builtItems.get(spec);
  if (cached) return cached;
  const decoded = decodeSpec(spec);
  if (!decoded) throw new Error(`stored spec ${spec} does not decode`);
  const item = buildItem(decoded);
  builtItems.set(spec, item);
  return item;
}

/**
 * What an answer needs of its attempt that never changes once the attempt exists: whose it is,
 * its class, items and clock, and its assignment's settings (locked once it has opened, and
 * attempts start only then). Kept per instance so that an answer is one conditional write; what
 * does change (submitted, removed from the roster, the due time an instructor may move) is
 * checked by that write in the database, so every instance stays right without this cache: a due
 * time moved later only sends an answer past the cached one down the full path.
 */
interface FixedAttempt {
  studentId: string;
  classId: string;
  specs: string[];
  startedAt: number;
  assignment: Assignment;
}

const fixedAttempts = new LRUCache<string, FixedAttempt>({ max: 10_000 });

function toAssignment(r: AssignmentRecord): Assignment {
  const { seed: _seed, ...rest } = r;
  return { ...rest, config: assignmentConfigSchema.parse(r.config) };
}

export function classroom(store: Store, clock: () => number = Date.now) {
  async function ownClass(actor: Actor, classId: string): Promise<ClassRecord> {
    if (actor.role !== 'instructor') throw new ClassroomError(403, 'instructorOnly');
    const c = await store.getClass(classId);
    if (!c) throw new ClassroomError(404, 'noClass');
    if (c.instructorId !== actor.id) throw new ClassroomError(403, 'notYourClass');
    return c;
  }

  async function memberClass(actor: Actor, classId: string): Promise<ClassRecord> {
    const c = await store.getClass(classId);
    if (!c) throw new ClassroomError(404, 'noClass');
    const e = await store.enrollment(classId, actor.id);
    if (!e) throw new ClassroomError(403, 'notInClass');
    // Said as such: a student taken off the roster should know why the class is gone.
    if (e.removedAt !== null) throw new ClassroomError(403, 'removedFromClass');
    return c;
  }

  async function assignmentRecord(id: string): Promise<AssignmentRecord> {
    const a = await store.getAssignment(id);
    if (!a) throw new ClassroomError(404, 'noAssignment');
    return a;
  }

  /** The assignment if the actor teaches its class, or is a current student of it. */
  async function visibleAssignment(actor: Actor, id: string): Promise<{ record: AssignmentRecord; cls: ClassRecord; teaches: boolean }> {
    const record = await assignmentRecord(id);
    if (actor.role === 'instructor') return { record, cls: await ownClass(actor, record.classId), teaches: true };
    const cls = await memberClass(actor, record.classId);
    if (clock() < record.opensAt) throw new ClassroomError(403, 'notOpenYet');
    return { record, cls, teaches: false };
  }


  /** Right or wrong, as data: what the server stores (the same checkAnswer the browser's quiz uses). */
  function checkAt(spec: string, response: unknown): ItemCheck {
    try {
      return checkAnswer(itemAt(spec), response as Response);
    } catch (e) {
      if (e instanceof ResponseError) throw new ClassroomError(400, 'notAnAnswer', e.message);
      throw e;
    }
  }

  /** The words a student reads, only once the feedback rule allows them. */
  function feedbackAt(spec: string, response: unknown, position: number, lang: Lang): Feedback {
    const item = itemAt(spec);
    const g = gradeItem(item, response as Response, lang);
    const freeSeq = item.kind === 'segment' && freeField(item.question, g.canonical as SegmentAnswer, 'seq');
    return { position, correct: g.correct, explain: g.explain, canonical: g.canonical, freeSeq, misconception: g.misconception, answered: true };
  }

  /** A question the ended attempt left unanswered: no points, and the right answer explained. */
  function unansweredAt(spec: string, position: number, lang: Lang): Feedback {
    return { ...feedbackAt(spec, rightResponse(itemAt(spec)), position, lang), correct: false, misconception: null, answered: false };
  }

  async function viewOf(attempt: AttemptRecord, record: AssignmentRecord, teaches: boolean, lang: Lang): Promise<AttemptView> {
    const a = toAssignment(record);
    const now = clock();
    const answers = await store.answersOf([attempt.id]);
    const showFeedback = teaches || feedbackVisible(a, attempt, now);
    // Once no answer can count any more, a question left unanswered shows its key too, so that
    // the questions a student ran out of time on teach as much as the others (never before).
    const ended = answersClosed(a, attempt, now);
    const feedback = showFeedback
      ? attempt.specs.flatMap((spec, position) => {
          const ans = answers.find((x) => x.position === position);
          if (ans) return [feedbackAt(spec, ans.response, position, lang)];
          return ended ? [unansweredAt(spec, position, lang)] : [];
        })
      : null;
    return {
      id: attempt.id,
      assignment: { id: a.id, classId: a.classId, title: a.title, dueAt: a.dueAt, feedback: a.config.feedback, timeLimit: a.config.timeLimit, attempts: a.config.attempts },
      number: attempt.number,
      startedAt: attempt.startedAt,
      deadline: attemptDeadline(a, attempt.startedAt),
      now,
      submittedAt: attempt.submittedAt,
      over: attemptOver(a, attempt, now),
      items: attempt.specs.map((s, i) => itemView(itemAt(s), i)),
      answers: answers.map(({ position, clientSeq, response }) => ({ position, clientSeq, response })),
      feedback,
      score: feedback && (teaches || attemptOver(a, attempt, now)) ? { correct: answers.filter((x) => x.correct).length, total: attempt.specs.length } : null,
    };
  }

  /**
   * An answer whose counter was not ahead of the stored one: a retry of it (the same response), or
   * an answer from another device or tab of the same attempt, whose counter started from what
   * that page loaded. The one given later wins, as the student last chose: stored one past the
   * stored counter (`seq` tells the page), or, given earlier, refused with what is kept (`kept`),
   * so that no page says Saved for an answer the server did not keep.
   */
  async function settleAnotherDevice(answer: AnswerRecord): Promise<{ stored: boolean; feedback: null; seq?: number; kept?: unknown }> {
    const held = (await store.answersOf([answer.attemptId])).find((x) => x.position === answer.position);
    if (!held || JSON.stringify(held.response) === JSON.stringify(answer.response)) return { stored: false, feedback: null };
    if (answer.answeredAt > held.answeredAt) {
      const next = { ...answer, clientSeq: held.clientSeq + 1 };
      if (await store.saveAnswer(next)) return { stored: true, feedback: null, seq: next.clientSeq };
    }
    return { stored: false, feedback: null, seq: held.clientSeq, kept: held.response };
  }

  /** The attempt if the actor teaches its class or is its student, still in the class; one query (every answer asks). */
  async function ownAttempt(actor: Actor, attemptId: string): Promise<{ attempt: AttemptRecord; record: AssignmentRecord; teaches: boolean }> {
    const found = await store.attemptContext(attemptId);
    if (!found) throw new ClassroomError(404, 'noAttempt');
    const { attempt, assignment: record, cls, enrollment } = found;
    if (!fixedAttempts.has(attemptId)) fixedAttempts.set(attemptId, { studentId: attempt.studentId, classId: cls.id, specs: attempt.specs, startedAt: attempt.startedAt, assignment: toAssignment(record) });
    if (actor.role === 'instructor') {
      if (cls.instructorId !== actor.id) throw new ClassroomError(403, 'notYourClass');
      return { attempt, record, teaches: true };
    }
    if (attempt.studentId !== actor.id) throw new ClassroomError(403, 'notYourAttempt');
    if (!enrollment || enrollment.removedAt !== null) throw new ClassroomError(403, 'notInClass');
    return { attempt, record, teaches: false };
  }

  /**
   * The answer path of a class at work: an attempt this instance has seen, feedback not at once,
   * still in time. Stores with one conditional write and no read; false when it did not store
   * (a retry, or the attempt closed, or anything unusual), and the full path then says why.
   */
  async function savedFromFixed(actor: Actor, attemptId: string, position: number, clientSeq: number, response: unknown, givenAt: number, now: number): Promise<boolean> {
    const fixed = fixedAttempts.get(attemptId);
    const spec = fixed?.specs[position];
    if (!fixed || spec === undefined || actor.role !== 'student' || fixed.studentId !== actor.id || fixed.assignment.config.feedback === 'immediate') return false;
    if (!answerInTime(fixed.assignment, { startedAt: fixed.startedAt, submittedAt: null }, givenAt, now)) return false;
    let check: ItemCheck;
    try {
      check = checkAnswer(itemAt(spec), response as Response);
    } catch {
      return false;
    }
    const answer = { attemptId, position, clientSeq, response, correct: check.correct, misconception: check.misconception, answeredAt: givenAt };
    return store.saveAnswerIfOpen(answer, fixed.classId);
  }

  return {
    async createClass(actor: Actor, name: string): Promise<ClassRecord> {
      if (actor.role !== 'instructor') throw new ClassroomError(403, 'instructorOnly');
      const c: ClassRecord = { id: randomUUID(), instructorId: actor.id, name, joinCode: joinCode(), archivedAt: null, createdAt: clock() };
      await store.createClass(c);
      return c;
    },

    async listClasses(actor: Actor): Promise<ClassRecord[]> {
      return actor.role === 'instructor' ? store.classesOfInstructor(actor.id) : store.classesOfStudent(actor.id);
    },

    /**
     * The name of the class a join code opens, for the sign-in page a join link leads a visitor
     * to ("Sign in to join Networks 101"); null for no such class or an archived one. Anyone with
     * the code may know it: the code is how a class is handed out.
     */
    async classNameForCode(code: string): Promise<string | null> {
      const c = await store.getClassByCode(code.replace(/[\s-]/g, '').toUpperCase());
      return c && c.archivedAt === null ? c.name : null;
    },

    /**
     * A student joins the class of the code. Its own instructor, checking the link they hand out,
     * is given the class (nothing is stored); any other instructor is refused.
     */
    async joinClass(actor: Actor, code: string): Promise<ClassRecord> {
      // Typed as read aloud or off a board: case, spaces and hyphens ("sfcx-jh3k") do not matter.
      const c = await store.getClassByCode(code.replace(/[\s-]/g, '').toUpperCase());
      if (actor.role !== 'student') {
        if (c && c.instructorId === actor.id) return c;
        throw new ClassroomError(403, 'instructorsDoNotJoin');
      }
      if (!c) throw new ClassroomError(404, 'badJoinCode');
      if (c.archivedAt !== null) throw new ClassroomError(409, 'classArchived');
      const e = await store.enrollment(c.id, actor.id);
      if (e?.removedAt) throw new ClassroomError(403, 'removedFromClass');
      await store.enroll(c.id, actor.id, clock());
      return c;
    },

    async classDetail(actor: Actor, classId: string) {
      if (actor.role === 'instructor') {
        const cls = await ownClass(actor, classId);
        const [roster, assignments] = await Promise.all([store.roster(classId), store.assignmentsOfClass(classId)]);
        return { cls, roster, assignments: assignments.map(toAssignment), statuses: null };
      }
      const cls = await memberClass(actor, classId);
      const now = clock();
      const visible = (await store.assignmentsOfClass(classId)).map(toAssignment);
      const statuses: Record<string, AssignmentStatus> = {};
      for (const a of visible) {
        const status = studentStatus(a, await store.attemptsOf(a.id, actor.id), now);
        // An archived class takes no new work: what was open has closed.
        statuses[a.id] = cls.archivedAt !== null && status === 'open' ? 'closed' : status;
      }
      // A student sees titles and times, not how the questions are drawn.
      const assignments = visible.map(({ config: _config, ...a }) => a);
      return { cls: { ...cls, joinCode: '' }, roster: null, assignments, statuses };
    },

    async archiveClass(actor: Actor, classId: string): Promise<void> {
      await ownClass(actor, classId);
      await store.archiveClass(classId, clock());
    },

    /** Undoes an archive: the class takes joins and new work again. */
    async unarchiveClass(actor: Actor, classId: string): Promise<void> {
      await ownClass(actor, classId);
      await store.unarchiveClass(classId);
    },

    async removeStudent(actor: Actor, classId: string, studentId: string): Promise<void> {
      await ownClass(actor, classId);
      const e = await store.enrollment(classId, studentId);
      if (!e || e.removedAt !== null) throw new ClassroomError(404, 'notOnRoster');
      await store.removeStudent(classId, studentId, clock());
    },

    async createAssignment(actor: Actor, classId: string, input: AssignmentInput): Promise<Assignment> {
      const cls = await ownClass(actor, classId);
      if (cls.archivedAt !== null) throw new ClassroomError(409, 'classArchived');
      const { title, opensAt, dueAt, config } = splitInput(input);
      const now = clock();
      const record: AssignmentRecord = { id: randomUUID(), classId, title, config, seed: randomInt(0, 0xffff_ffff), opensAt, dueAt, createdAt: now, updatedAt: now };
      await store.createAssignment(record);
      return toAssignment(record);
    },

    async updateAssignment(actor: Actor, assignmentId: string, input: AssignmentInput): Promise<Assignment> {
      const record = await assignmentRecord(assignmentId);
      await ownClass(actor, record.classId);
      if (clock() >= record.opensAt) throw new ClassroomError(409, 'alreadyOpen');
      const { title, opensAt, dueAt, config } = splitInput(input);
      const fields = { title, config, opensAt, dueAt, updatedAt: clock() };
      await store.updateAssignment(assignmentId, fields);
      return toAssignment({ ...record, ...fields });
    },

    /**
     * Moves the due time, also once the assignment has opened (an instructor extends a deadline;
     * attempts still running get the new one). Nothing else changes after opening.
     */
    async rescheduleAssignment(actor: Actor, assignmentId: string, dueAt: number): Promise<Assignment> {
      const record = await assignmentRecord(assignmentId);
      await ownClass(actor, record.classId);
      if (dueAt <= record.opensAt) throw new ClassroomError(400, 'dueBeforeOpen');
      const { title, config, opensAt } = record;
      const fields = { title, config, opensAt, dueAt, updatedAt: clock() };
      await store.updateAssignment(assignmentId, fields);
      return toAssignment({ ...record, ...fields });
    },

    /** Deletes an assignment no student has started (a duplicate, a mistake); refused once one has. */
    async deleteAssignment(actor: Actor, assignmentId: string): Promise<void> {
      const record = await assignmentRecord(assignmentId);
      await ownClass(actor, record.classId);
      if (!(await store.deleteUnstartedAssignment(assignmentId))) throw new ClassroomError(409, 'assignmentStarted');
    },

    async getAssignment(actor: Actor, assignmentId: string) {
      const { record, cls, teaches } = await visibleAssignment(actor, assignmentId);
      const a = toAssignment(record);
      const archived = cls.archivedAt !== null;
      if (teaches) return { assignment: a, attempts: null, archived };
      const { config: _config, ...shown } = a;
      const attempts = await store.attemptsOf(assignmentId, actor.id);
      const now = clock();
      return {
        assignment: { ...shown, attemptsAllowed: a.config.attempts, timeLimit: a.config.timeLimit, feedback: a.config.feedback, focus: a.config.focus },
        attempts: attempts.map((x) => ({ id: x.id, number: x.number, submittedAt: x.submittedAt })),
        archived,
        // The server's clock, and how long an attempt started now would run (less than the limit near the due time).
        now,
        timeToAnswer: timeToAnswer(a, now),
      };
    },

    /**
     * What a student of the class may know of an assignment that has not opened yet: its title and
     * times (as the class list shows them), so its link says when it opens instead of failing.
     */
    async upcomingAssignment(actor: Actor, assignmentId: string): Promise<Pick<AssignmentRecord, 'id' | 'classId' | 'title' | 'opensAt' | 'dueAt'>> {
      const record = await assignmentRecord(assignmentId);
      await memberClass(actor, record.classId);
      if (clock() >= record.opensAt) throw new ClassroomError(409, 'alreadyOpen');
      const { id, classId, title, opensAt, dueAt } = record;
      return { id, classId, title, opensAt, dueAt };
    },

    /** The assignment as its instructor set it (for the edit form); no one else may read its settings. */
    async assignmentSettings(actor: Actor, assignmentId: string): Promise<Assignment> {
      const record = await assignmentRecord(assignmentId);
      await ownClass(actor, record.classId);
      return toAssignment(record);
    },

    /**
     * The questions as a student would see them (a per-student variant shows one sample student),
     * each with its answer key and the engine's explanation of it: the instructor checks them.
     */
    async preview(actor: Actor, assignmentId: string, lang: Lang): Promise<PreviewQuestion[]> {
      const record = await assignmentRecord(assignmentId);
      await ownClass(actor, record.classId);
      const config = assignmentConfigSchema.parse(record.config);
      return attemptSpecs(config, record.seed, SAMPLE_STUDENT, 1).map((s, i) => {
        const spec = encodeSpec(s);
        const item = itemAt(spec);
        return { ...itemView(item, i), key: feedbackAt(spec, rightResponse(item), i, lang) };
      });
    },

    /** Continues the student's open attempt, or starts the next one the assignment allows. */
    async startAttempt(actor: Actor, assignmentId: string, lang: Lang): Promise<AttemptView> {
      if (actor.role !== 'student') throw new ClassroomError(403, 'previewInstead');
      const { record, cls } = await visibleAssignment(actor, assignmentId);
      const a = toAssignment(record);
      const now = clock();
      const attempts = await store.attemptsOf(assignmentId, actor.id);
      const last = attempts[attempts.length - 1];
      if (last && !attemptOver(a, last, now)) return viewOf(last, record, false, lang);
      if (cls.archivedAt !== null) throw new ClassroomError(409, 'classArchived');
      if (now >= a.dueAt) throw new ClassroomError(409, 'pastDue');
      if (attempts.length >= a.config.attempts) throw new ClassroomError(409, 'noAttemptsLeft');
      const number = attempts.length + 1;
      const specs = attemptSpecs(a.config, record.seed, actor.id, number).map(encodeSpec);
      const attempt = await store.createAttempt({ id: randomUUID(), assignmentId, studentId: actor.id, number, specs, startedAt: now, submittedAt: null });
      return viewOf(attempt, record, false, lang);
    },

    async attemptView(actor: Actor, attemptId: string, lang: Lang): Promise<AttemptView> {
      const { attempt, record, teaches } = await ownAttempt(actor, attemptId);
      return viewOf(attempt, record, teaches, lang);
    },

    /**
     * Stores an answer as given (graded on the server); the feedback comes back only when the rule
     * allows. `answeredAt`: when the student gave it, on the server's clock as the page knew it
     * (an answer queued offline arrives later); never later than now, and only counted when it
     * was given in time and arrives within the grace (rules.answerInTime).
     */
    async saveAnswer(actor: Actor, attemptId: string, position: number, clientSeq: number, response: unknown, lang: Lang, answeredAt?: number) {
      const now = clock();
      const givenAt = Math.min(answeredAt ?? now, now);
      if (await savedFromFixed(actor, attemptId, position, clientSeq, response, givenAt, now)) return { stored: true, feedback: null };
      const { attempt, record, teaches } = await ownAttempt(actor, attemptId);
      if (teaches) throw new ClassroomError(403, 'instructorsDoNotAnswer');
      const a = toAssignment(record);
      if (attempt.submittedAt !== null) throw new ClassroomError(409, 'attemptSubmitted');
      if (!answerInTime(a, attempt, givenAt, now)) throw new ClassroomError(409, 'timeOver');
      const spec = attempt.specs[position];
      if (spec === undefined) throw new ClassroomError(400, 'noSuchQuestion', `question ${position + 1}`);
      const check = checkAt(spec, response);
      const answer = { attemptId, position, clientSeq, response, correct: check.correct, misconception: check.misconception, answeredAt: givenAt };
      if (a.config.feedback !== 'immediate') {
        if (await store.saveAnswer(answer)) return { stored: true, feedback: null };
        // Only the page's own moment orders two devices: without it the counter alone decides.
        return answeredAt === undefined ? { stored: false, feedback: null } : settleAnotherDevice(answer);
      }
      // Feedback at once shows the right answer, so the first answer is final: otherwise a second
      // try would be right every time. A retry of that same answer (same seq) gets its feedback again.
      if (!(await store.saveFirstAnswer(answer))) {
        const first = (await store.answersOf([attemptId])).find((x) => x.position === position);
        if (!first || first.clientSeq !== clientSeq) throw new ClassroomError(409, 'answerFinal');
        return { stored: false, feedback: feedbackAt(spec, first.response, position, lang) };
      }
      return { stored: true, feedback: feedbackAt(spec, response, position, lang) };
    },

    async submit(actor: Actor, attemptId: string, lang: Lang): Promise<AttemptView> {
      const { attempt, record, teaches } = await ownAttempt(actor, attemptId);
      if (teaches) throw new ClassroomError(403, 'instructorsDoNotAnswer');
      const a = toAssignment(record);
      if (attempt.submittedAt !== null) throw new ClassroomError(409, 'attemptSubmitted');
      if (attemptOver(a, attempt, clock())) throw new ClassroomError(409, 'timeOver');
      await store.submitAttempt(attemptId, clock());
      return viewOf((await store.getAttempt(attemptId)) as AttemptRecord, record, false, lang);
    },

    /** For the gradebook: the class, its roster (removed students too: their work stays), every attempt and answer, and the assignment. */
    async gradebookData(actor: Actor, assignmentId: string) {
      const record = await assignmentRecord(assignmentId);
      const cls = await ownClass(actor, record.classId);
      const [roster, attempts] = await Promise.all([store.roster(cls.id, true), store.attemptsOfAssignment(assignmentId)]);
      const answers = await store.answersOf(attempts.map((x) => x.id));
      return { cls, assignment: toAssignment(record), seed: record.seed, roster, attempts, answers };
    },
  };
}

export type Classroom = ReturnType<typeof classroom>;
