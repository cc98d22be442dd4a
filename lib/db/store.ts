// The one set of queries behind the app, the same text for SQLite and PostgreSQL. The Store knows
// rows, not rules: who may do what is decided by its callers (lib/classroom, app/_server).
import { sql, type Kysely, type OnConflictBuilder, type OnConflictUpdateBuilder } from 'kysely';
import type { Database, Role } from './schema';

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface ClassRecord {
  id: string;
  instructorId: string;
  name: string;
  joinCode: string;
  archivedAt: number | null;
  createdAt: number;
}

export interface RosterEntry {
  studentId: string;
  name: string;
  email: string;
  joinedAt: number;
  /** Set for a student the instructor removed (listed only when asked for). */
  removedAt: number | null;
}

export interface EnrollmentRecord {
  joinedAt: number;
  removedAt: number | null;
}

export interface AssignmentRecord {
  id: string;
  classId: string;
  title: string;
  /** Parsed JSON; lib/classroom validates its shape. */
  config: unknown;
  seed: number;
  opensAt: number;
  dueAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface AttemptRecord {
  id: string;
  assignmentId: string;
  studentId: string;
  number: number;
  /** Encoded item specs (lib/quiz encodeSpec), in order. */
  specs: string[];
  startedAt: number;
  submittedAt: number | null;
}

/** An attempt with everything that decides who may touch it, read in one query. */
export interface AttemptContext {
  attempt: AttemptRecord;
  assignment: AssignmentRecord;
  cls: ClassRecord;
  /** The attempt's student in the attempt's class, or null when they never joined. */
  enrollment: EnrollmentRecord | null;
}

export interface AnswerRecord {
  attemptId: string;
  position: number;
  clientSeq: number;
  response: unknown;
  correct: boolean;
  misconception: string | null;
  answeredAt: number;
}

export interface ProgressRecord {
  lessons: unknown;
  quiz: unknown;
  updatedAt: number;
}

export interface Store {
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  getUser(id: string): Promise<UserRecord | null>;
  countInstructors(): Promise<number>;
  setRole(userId: string, role: Role): Promise<void>;

  getProgress(userId: string): Promise<ProgressRecord | null>;
  saveProgress(userId: string, lessons: unknown, quiz: unknown, now: number): Promise<void>;

  /** The learner's revision state as stored (JSON, checked by the caller), or null. */
  getRevision(userId: string): Promise<unknown>;
  saveRevision(userId: string, state: unknown, now: number): Promise<void>;

  createClass(c: ClassRecord): Promise<void>;
  getClass(id: string): Promise<ClassRecord | null>;
  getClassByCode(joinCode: string): Promise<ClassRecord | null>;
  classesOfInstructor(instructorId: string): Promise<ClassRecord[]>;
  classesOfStudent(studentId: string): Promise<ClassRecord[]>;
  archiveClass(id: string, now: number): Promise<void>;
  unarchiveClass(id: string): Promise<void>;

  enrollment(classId: string, studentId: string): Promise<EnrollmentRecord | null>;
  /** Adds the student; a student already on the roster (or removed from it) is left as they are. */
  enroll(classId: string, studentId: string, now: number): Promise<void>;
  removeStudent(classId: string, studentId: string, now: number): Promise<void>;
  /** The class's current students; with `withRemoved`, also those removed (a gradebook keeps their work). */
  roster(classId: string, withRemoved?: boolean): Promise<RosterEntry[]>;

  createAssignment(a: AssignmentRecord): Promise<void>;
  updateAssignment(id: string, fields: Pick<AssignmentRecord, 'title' | 'config' | 'opensAt' | 'dueAt' | 'updatedAt'>): Promise<void>;
  /** Deletes the assignment unless a student has started it (one statement); false when one has. */
  deleteUnstartedAssignment(id: string): Promise<boolean>;
  getAssignment(id: string): Promise<AssignmentRecord | null>;
  assignmentsOfClass(classId: string): Promise<AssignmentRecord[]>;

  /** Inserts the attempt unless that (assignment, student, number) exists; returns the stored one. */
  createAttempt(a: AttemptRecord): Promise<AttemptRecord>;
  getAttempt(id: string): Promise<AttemptRecord | null>;
  /** The attempt, its assignment, class and the student's enrollment: one round trip per answer. */
  attemptContext(id: string): Promise<AttemptContext | null>;
  attemptsOf(assignmentId: string, studentId: string): Promise<AttemptRecord[]>;
  attemptsOfAssignment(assignmentId: string): Promise<AttemptRecord[]>;
  /** Marks it submitted; false when it already was. */
  submitAttempt(id: string, now: number): Promise<boolean>;

  /**
   * Stores an answer unless one with the same or a higher clientSeq is already there: a retried
   * request changes nothing, a late-arriving older answer never overwrites a newer one.
   * True when this call changed the row.
   */
  saveAnswer(a: AnswerRecord): Promise<boolean>;
  /**
   * saveAnswer in one conditional write, for the answer path: stores nothing (false) when the
   * attempt was submitted, its assignment's due time (which an instructor may move) is not after
   * the answer's time, or its student is no longer in the class `classId`, so a caller that
   * knows the attempt's fixed facts needs no read first. False also for a retry or an older answer.
   */
  saveAnswerIfOpen(a: AnswerRecord, classId: string): Promise<boolean>;
  /** Stores the question's first answer; true when stored, false when one was already there (kept as it was). */
  saveFirstAnswer(a: AnswerRecord): Promise<boolean>;
  answersOf(attemptIds: readonly string[]): Promise<AnswerRecord[]>;
  /** Everything stored, for the benchmark's sent-versus-stored check. */
  countAnswers(): Promise<number>;
}

type ClassRow = Database['classes'];
const toClass = (r: ClassRow): ClassRecord => ({
  id: r.id,
  instructorId: r.instructor_id,
  name: r.name,
  joinCode: r.join_code,
  archivedAt: r.archived_at === null ? null : Number(r.archived_at),
  createdAt: Number(r.created_at),
});

const toAssignment = (r: Database['assignments']): AssignmentRecord => ({
  id: r.id,
  classId: r.class_id,
  title: r.title,
  config: JSON.parse(r.config),
  seed: Number(r.seed),
  opensAt: Number(r.opens_at),
  dueAt: Number(r.due_at),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const toAttempt = (r: Database['attempts']): AttemptRecord => ({
  id: r.id,
  assignmentId: r.assignment_id,
  studentId: r.student_id,
  number: r.number,
  specs: JSON.parse(r.specs),
  startedAt: Number(r.started_at),
  submittedAt: r.submitted_at === null ? null : Number(r.submitted_at),
});

const toAnswer = (r: Database['answers']): AnswerRecord => ({
  attemptId: r.attempt_id,
  position: r.position,
  clientSeq: r.client_seq,
  response: JSON.parse(r.response),
  correct: Number(r.correct) === 1,
  misconception: r.misconception,
  answeredAt: Number(r.answered_at),
});

/** An answer as its table row: the one shape both the replacing and the first-only save write. */
function answerRow(a: AnswerRecord) {
  return {
    attempt_id: a.attemptId,
    position: a.position,
    client_seq: a.clientSeq,
    response: JSON.stringify(a.response),
    correct: a.correct ? 1 : 0,
    misconception: a.misconception,
    answered_at: a.answeredAt,
  };
}

/** On a stored answer: the newer seq wins, a repeated or older one changes nothing. */
function newerAnswerWins(oc: OnConflictBuilder<Database, 'answers'>, row: ReturnType<typeof answerRow>): OnConflictUpdateBuilder<Database, 'answers'> {
  return oc
    .columns(['attempt_id', 'position'])
    .doUpdateSet({ client_seq: row.client_seq, response: row.response, correct: row.correct, misconception: row.misconception, answered_at: row.answered_at });
}

/** A parameter with its column's type: PostgreSQL reads an untyped parameter in a SELECT list as text. */
const typed = (value: string | number | null, type: 'text' | 'integer' | 'bigint') => sql`cast(${value} as ${sql.raw(type)})`;

export function kyselyStore(db: Kysely<Database>): Store {
  return {
    async ping() {
      await db.selectFrom('user').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    },
    async getUser(id) {
      const r = await db.selectFrom('user').select(['id', 'name', 'email', 'role']).where('id', '=', id).executeTakeFirst();
      return r ?? null;
    },
    async countInstructors() {
      const r = await db.selectFrom('user').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'instructor').executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async setRole(userId, role) {
      await db.updateTable('user').set({ role }).where('id', '=', userId).execute();
    },

    async getProgress(userId) {
      const r = await db.selectFrom('progress').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return r ? { lessons: JSON.parse(r.lessons), quiz: JSON.parse(r.quiz), updatedAt: Number(r.updated_at) } : null;
    },
    async saveProgress(userId, lessons, quiz, now) {
      const row = { user_id: userId, lessons: JSON.stringify(lessons), quiz: JSON.stringify(quiz), updated_at: now };
      await db
        .insertInto('progress')
        .values(row)
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ lessons: row.lessons, quiz: row.quiz, updated_at: now }))
        .execute();
    },

    async getRevision(userId) {
      const r = await db.selectFrom('revision').select('state').where('user_id', '=', userId).executeTakeFirst();
      return r ? JSON.parse(r.state) : null;
    },
    async saveRevision(userId, state, now) {
      const row = { user_id: userId, state: JSON.stringify(state), updated_at: now };
      await db
        .insertInto('revision')
        .values(row)
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ state: row.state, updated_at: now }))
        .execute();
    },

    async createClass(c) {
      await db
        .insertInto('classes')
        .values({ id: c.id, instructor_id: c.instructorId, name: c.name, join_code: c.joinCode, archived_at: c.archivedAt, created_at: c.createdAt })
        .execute();
    },
    async getClass(id) {
      const r = await db.selectFrom('classes').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toClass(r) : null;
    },
    async getClassByCode(joinCode) {
      const r = await db.selectFrom('classes').selectAll().where('join_code', '=', joinCode).executeTakeFirst();
      return r ? toClass(r) : null;
    },
    async classesOfInstructor(instructorId) {
      const rows = await db.selectFrom('classes').selectAll().where('instructor_id', '=', instructorId).orderBy('created_at', 'desc').execute();
      return rows.map(toClass);
    },
    async classesOfStudent(studentId) {
      const rows = await db
        .selectFrom('classes')
        .innerJoin('enrollments', 'enrollments.class_id', 'classes.id')
        .selectAll('classes')
        .where('enrollments.student_id', '=', studentId)
        .where('enrollments.removed_at', 'is', null)
        .orderBy('classes.created_at', 'desc')
        .execute();
      return rows.map(toClass);
    },
    async archiveClass(id, now) {
      await db.updateTable('classes').set({ archived_at: now }).where('id', '=', id).where('archived_at', 'is', null).execute();
    },

    async unarchiveClass(id) {
      await db.updateTable('classes').set({ archived_at: null }).where('id', '=', id).execute();
    },

    async enrollment(classId, studentId) {
      const r = await db
        .selectFrom('enrollments')
        .select(['joined_at', 'removed_at'])
        .where('class_id', '=', classId)
        .where('student_id', '=', studentId)
        .executeTakeFirst();
      return r ? { joinedAt: Number(r.joined_at), removedAt: r.removed_at === null ? null : Number(r.removed_at) } : null;
    },
    async enroll(classId, studentId, now) {
      await db
        .insertInto('enrollments')
        .values({ class_id: classId, student_id: studentId, joined_at: now, removed_at: null })
        .onConflict((oc) => oc.columns(['class_id', 'student_id']).doNothing())
        .execute();
    },
    async removeStudent(classId, studentId, now) {
      await db
        .updateTable('enrollments')
        .set({ removed_at: now })
        .where('class_id', '=', classId)
        .where('student_id', '=', studentId)
        .where('removed_at', 'is', null)
        .execute();
    },
    async roster(classId, withRemoved = false) {
      const rows = await db
        .selectFrom('enrollments')
        .innerJoin('user', 'user.id', 'enrollments.student_id')
        .select(['user.id', 'user.name', 'user.email', 'enrollments.joined_at', 'enrollments.removed_at'])
        .where('enrollments.class_id', '=', classId)
        .$if(!withRemoved, (q) => q.where('enrollments.removed_at', 'is', null))
        .orderBy('user.name')
        .execute();
      return rows.map((r) => ({ studentId: r.id, name: r.name, email: r.email, joinedAt: Number(r.joined_at), removedAt: r.removed_at === null ? null : Number(r.removed_at) }));
    },

    async createAssignment(a) {
      await db
        .insertInto('assignments')
        .values({
          id: a.id,
          class_id: a.classId,
          title: a.title,
          config: JSON.stringify(a.config),
          seed: a.seed,
          opens_at: a.opensAt,
          due_at: a.dueAt,
          created_at: a.createdAt,
          updated_at: a.updatedAt,
        })
        .execute();
    },
    async updateAssignment(id, f) {
      await db
        .updateTable('assignments')
        .set({ title: f.title, config: JSON.stringify(f.config), opens_at: f.opensAt, due_at: f.dueAt, updated_at: f.updatedAt })
        .where('id', '=', id)
        .execute();
    },
    async deleteUnstartedAssignment(id) {
      const r = await db
        .deleteFrom('assignments')
        .where('id', '=', id)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('attempts').select('id').where('assignment_id', '=', id))))
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async getAssignment(id) {
      const r = await db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toAssignment(r) : null;
    },
    async assignmentsOfClass(classId) {
      const rows = await db.selectFrom('assignments').selectAll().where('class_id', '=', classId).orderBy('due_at').execute();
      return rows.map(toAssignment);
    },

    async createAttempt(a) {
      await db
        .insertInto('attempts')
        .values({
          id: a.id,
          assignment_id: a.assignmentId,
          student_id: a.studentId,
          number: a.number,
          specs: JSON.stringify(a.specs),
          started_at: a.startedAt,
          submitted_at: a.submittedAt,
        })
        .onConflict((oc) => oc.columns(['assignment_id', 'student_id', 'number']).doNothing())
        .execute();
      const r = await db
        .selectFrom('attempts')
        .selectAll()
        .where('assignment_id', '=', a.assignmentId)
        .where('student_id', '=', a.studentId)
        .where('number', '=', a.number)
        .executeTakeFirstOrThrow();
      return toAttempt(r);
    },
    async getAttempt(id) {
      const r = await db.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toAttempt(r) : null;
    },
    async attemptContext(id) {
      const r = await db
        .selectFrom('attempts')
        .innerJoin('assignments', 'assignments.id', 'attempts.assignment_id')
        .innerJoin('classes', 'classes.id', 'assignments.class_id')
        .leftJoin('enrollments', (join) => join.onRef('enrollments.class_id', '=', 'classes.id').onRef('enrollments.student_id', '=', 'attempts.student_id'))
        .selectAll('attempts')
        .select([
          'assignments.class_id',
          'assignments.title',
          'assignments.config',
          'assignments.seed',
          'assignments.opens_at',
          'assignments.due_at',
          'assignments.created_at',
          'assignments.updated_at',
          'classes.instructor_id',
          'classes.name as class_name',
          'classes.join_code',
          'classes.archived_at',
          'classes.created_at as class_created_at',
          'enrollments.joined_at',
          'enrollments.removed_at',
        ])
        .where('attempts.id', '=', id)
        .executeTakeFirst();
      if (!r) return null;
      return {
        attempt: toAttempt(r),
        assignment: toAssignment({ ...r, id: r.assignment_id }),
        cls: toClass({ id: r.class_id, instructor_id: r.instructor_id, name: r.class_name, join_code: r.join_code, archived_at: r.archived_at, created_at: r.class_created_at }),
        enrollment: r.joined_at === null ? null : { joinedAt: Number(r.joined_at), removedAt: r.removed_at === null ? null : Number(r.removed_at) },
      };
    },
    async attemptsOf(assignmentId, studentId) {
      const rows = await db
        .selectFrom('attempts')
        .selectAll()
        .where('assignment_id', '=', assignmentId)
        .where('student_id', '=', studentId)
        .orderBy('number')
        .execute();
      return rows.map(toAttempt);
    },
    async attemptsOfAssignment(assignmentId) {
      const rows = await db.selectFrom('attempts').selectAll().where('assignment_id', '=', assignmentId).orderBy('student_id').orderBy('number').execute();
      return rows.map(toAttempt);
    },
    async submitAttempt(id, now) {
      const r = await db.updateTable('attempts').set({ submitted_at: now }).where('id', '=', id).where('submitted_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async saveAnswer(a) {
      const row = answerRow(a);
      const r = await db
        .insertInto('answers')
        .values(row)
        .onConflict((oc) => newerAnswerWins(oc, row).where('answers.client_seq', '<', a.clientSeq))
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async saveAnswerIfOpen(a, classId) {
      const row = answerRow(a);
      const r = await db
        .insertInto('answers')
        .columns(['attempt_id', 'position', 'client_seq', 'response', 'correct', 'misconception', 'answered_at'])
        .expression(
          db
            .selectFrom('attempts')
            .innerJoin('enrollments', (join) => join.onRef('enrollments.student_id', '=', 'attempts.student_id').on('enrollments.class_id', '=', classId))
            .innerJoin('assignments', 'assignments.id', 'attempts.assignment_id')
            .select([
              'attempts.id',
              typed(row.position, 'integer').as('position'),
              typed(row.client_seq, 'integer').as('client_seq'),
              typed(row.response, 'text').as('response'),
              typed(row.correct, 'integer').as('correct'),
              typed(row.misconception, 'text').as('misconception'),
              typed(row.answered_at, 'bigint').as('answered_at'),
            ])
            .where('attempts.id', '=', a.attemptId)
            .where('attempts.submitted_at', 'is', null)
            .where('enrollments.removed_at', 'is', null)
            .where('assignments.due_at', '>', a.answeredAt),
        )
        .onConflict((oc) => newerAnswerWins(oc, row).where('answers.client_seq', '<', a.clientSeq))
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async saveFirstAnswer(a) {
      const r = await db
        .insertInto('answers')
        .values(answerRow(a))
        .onConflict((oc) => oc.columns(['attempt_id', 'position']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async answersOf(attemptIds) {
      if (attemptIds.length === 0) return [];
      const rows = await db.selectFrom('answers').selectAll().where('attempt_id', 'in', attemptIds).orderBy('attempt_id').orderBy('position').execute();
      return rows.map(toAnswer);
    },
    async countAnswers() {
      const r = await db.selectFrom('answers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
