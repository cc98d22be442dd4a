// The database's tables as Kysely sees them. better-auth's own tables (user, session, account,
// verification, rateLimit) keep its camelCase column names; ours are snake_case. Times in our
// tables are epoch milliseconds (bigint), booleans 0/1, structured values JSON text, so one set
// of queries reads the same on SQLite and PostgreSQL.
export type Role = 'instructor' | 'student';

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  image: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  role: Role;
}

export interface SessionTable {
  id: string;
  expiresAt: Date | string;
  token: string;
  createdAt: Date | string;
  updatedAt: Date | string;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: Date | string | null;
  refreshTokenExpiresAt: Date | string | null;
  scope: string | null;
  password: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: Date | string;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export interface RateLimitTable {
  id: string;
  key: string;
  count: number;
  lastRequest: number;
}

export interface ProgressTable {
  user_id: string;
  /** JSON: completed lesson slugs. */
  lessons: string;
  /** JSON: lib/quiz Progress. */
  quiz: string;
  updated_at: number;
}

export interface ClassTable {
  id: string;
  instructor_id: string;
  name: string;
  join_code: string;
  archived_at: number | null;
  created_at: number;
}

export interface EnrollmentTable {
  class_id: string;
  student_id: string;
  joined_at: number;
  removed_at: number | null;
}

export interface AssignmentTable {
  id: string;
  class_id: string;
  title: string;
  /** JSON: lib/classroom AssignmentConfig (topics, kinds, count, difficulty, variant, rules). */
  config: string;
  /** Seeds the questions: with the student id for per-student variants. Never sent to a student. */
  seed: number;
  opens_at: number;
  due_at: number;
  created_at: number;
  updated_at: number;
}

export interface AttemptTable {
  id: string;
  assignment_id: string;
  student_id: string;
  number: number;
  /** JSON: the item specs this attempt asks, in order. Never sent to a student before feedback. */
  specs: string;
  started_at: number;
  submitted_at: number | null;
}

export interface AnswerTable {
  attempt_id: string;
  position: number;
  /** The client's counter for this item: a retry repeats it, an older answer never overwrites a newer one. */
  client_seq: number;
  /** JSON: the response exactly as given. */
  response: string;
  correct: number;
  misconception: string | null;
  answered_at: number;
}

/** A learner's revision state (lib/revision), as one JSON document merged with each device's. */
export interface RevisionTable {
  user_id: string;
  state: string;
  updated_at: number;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  rateLimit: RateLimitTable;
  progress: ProgressTable;
  classes: ClassTable;
  enrollments: EnrollmentTable;
  assignments: AssignmentTable;
  attempts: AttemptTable;
  answers: AnswerTable;
  revision: RevisionTable;
}

export type Dialect = 'sqlite' | 'postgres';
