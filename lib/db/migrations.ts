// One set of migrations for SQLite and PostgreSQL, kept in code (not files on disk) so a bundled
// server carries them. Column types differ only where the two must: see `types`.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { Dialect } from './schema';

interface Types {
  date: 'date' | 'timestamptz';
  bool: 'integer' | 'boolean';
}

const typesFor = (dialect: Dialect): Types =>
  dialect === 'postgres' ? { date: 'timestamptz', bool: 'boolean' } : { date: 'date', bool: 'integer' };

/** better-auth's tables, as its own migration generator would create them, plus our `role`. */
async function authTables(db: Kysely<unknown>, t: Types): Promise<void> {
  await db.schema
    .createTable('user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('emailVerified', t.bool, (c) => c.notNull())
    .addColumn('image', 'text')
    .addColumn('createdAt', t.date, (c) => c.notNull())
    .addColumn('updatedAt', t.date, (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('student'))
    .execute();
  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expiresAt', t.date, (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('createdAt', t.date, (c) => c.notNull())
    .addColumn('updatedAt', t.date, (c) => c.notNull())
    .addColumn('ipAddress', 'text')
    .addColumn('userAgent', 'text')
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('session_userId_idx').on('session').column('userId').execute();
  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('accountId', 'text', (c) => c.notNull())
    .addColumn('providerId', 'text', (c) => c.notNull())
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('accessToken', 'text')
    .addColumn('refreshToken', 'text')
    .addColumn('idToken', 'text')
    .addColumn('accessTokenExpiresAt', t.date)
    .addColumn('refreshTokenExpiresAt', t.date)
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('createdAt', t.date, (c) => c.notNull())
    .addColumn('updatedAt', t.date, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_userId_idx').on('account').column('userId').execute();
  await db.schema
    .createTable('verification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expiresAt', t.date, (c) => c.notNull())
    .addColumn('createdAt', t.date, (c) => c.notNull())
    .addColumn('updatedAt', t.date, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rateLimit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('lastRequest', 'bigint', (c) => c.notNull())
    .execute();
}

async function classroomTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('progress')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
    .addColumn('lessons', 'text', (c) => c.notNull())
    .addColumn('quiz', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('classes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instructor_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('join_code', 'text', (c) => c.notNull().unique())
    .addColumn('archived_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('classes_instructor_idx').on('classes').column('instructor_id').execute();
  await db.schema
    .createTable('enrollments')
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addColumn('removed_at', 'bigint')
    .addPrimaryKeyConstraint('enrollments_pk', ['class_id', 'student_id'])
    .execute();
  await db.schema.createIndex('enrollments_student_idx').on('enrollments').column('student_id').execute();
  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('opens_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignments_class_idx').on('assignments').column('class_id').execute();
  await db.schema
    .createTable('attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('specs', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .addUniqueConstraint('attempts_once', ['assignment_id', 'student_id', 'number'])
    .execute();
  await db.schema
    .createTable('answers')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('attempts.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('client_seq', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('misconception', 'text')
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('answers_pk', ['attempt_id', 'position'])
    .execute();
}

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const t = typesFor(dialect);
  return {
    '001_accounts': { up: (db) => authTables(db, t) },
    '002_classroom': { up: (db) => classroomTables(db) },
    '003_revision': { up: (db) => revisionTable(db) },
  };
}

/** Review cards, the mistake book and mock exams of a signed-in learner, the same on every device. */
async function revisionTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('revision')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
