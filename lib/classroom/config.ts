// What an instructor sets on an assignment, validated the same way in the form and on the server.
import { z } from 'zod';
import { DIFFICULTIES, MISCONCEPTIONS, QUESTION_KINDS, TOPICS } from '../quiz/index';
import { canDraw } from './specs';

/** The longest class name: the API refuses longer ones, and the form's field stops there. */
export const CLASS_NAME_MAX = 100;

export const FEEDBACK_RULES = ['immediate', 'after_submit', 'after_due'] as const;
export type FeedbackRule = (typeof FEEDBACK_RULES)[number];

export const VARIANTS = ['same', 'per_student'] as const;

/** The question-drawing part, stored as the assignment's config. */
export const assignmentConfigSchema = z.object({
  topics: z.array(z.enum(TOPICS)).min(1, 'Choose at least one topic').max(TOPICS.length),
  kinds: z.array(z.enum(QUESTION_KINDS)).min(1, 'Choose at least one question kind').max(QUESTION_KINDS.length),
  count: z.number().int().min(1).max(30),
  difficulty: z.enum(DIFFICULTIES as ['beginner', 'expert']),
  variant: z.enum(VARIANTS),
  attempts: z.number().int().min(1).max(10),
  /** Minutes from the start of an attempt (exam mode); null for no limit. */
  timeLimit: z.number().int().min(1).max(600).nullable(),
  feedback: z.enum(FEEDBACK_RULES),
  /** A follow-up drilling one misconception: questions are drawn where it arises. */
  focus: z.enum(MISCONCEPTIONS).nullable().default(null),
});
export type AssignmentConfig = z.infer<typeof assignmentConfigSchema>;

export const assignmentInputSchema = assignmentConfigSchema
  .extend({
    title: z.string().trim().min(1, 'Give the assignment a title').max(120),
    opensAt: z.number().int().min(0),
    dueAt: z.number().int().min(0),
  })
  .refine((a) => a.dueAt > a.opensAt, { path: ['dueAt'], message: 'The due time must be after the opening time' })
  // States with only multiple choice asks nothing (a state question is its own kind): refused
  // when the assignment is set, not when a student starts it.
  .refine(canDraw, { path: ['kinds'], message: 'None of these question kinds asks about these topics' });
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

export function splitInput(input: AssignmentInput): { title: string; opensAt: number; dueAt: number; config: AssignmentConfig } {
  const { title, opensAt, dueAt, ...config } = input;
  return { title, opensAt, dueAt, config };
}
