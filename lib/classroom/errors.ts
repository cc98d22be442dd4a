// Why the classroom refused: a stable code the browser words in the reader's language (content/ui
// `classes.errors.<code>`), with an English message for API clients and logs. Pure.
export const CLASSROOM_ERRORS = {
  instructorOnly: 'Only instructors may do this',
  studentOnly: 'Only students may do this',
  signInFirst: 'Sign in first',
  noClass: 'No such class',
  notYourClass: 'This class belongs to another instructor',
  notInClass: 'You are not in this class',
  noAssignment: 'No such assignment',
  notOpenYet: 'This assignment is not open yet',
  noAttempt: 'No such attempt',
  notYourAttempt: 'This is another student’s attempt',
  instructorsDoNotJoin: 'Instructors do not join classes',
  badJoinCode: 'No class has this code',
  classArchived: 'This class is archived',
  removedFromClass: 'Your instructor removed you from this class',
  notOnRoster: 'This student is not in the class',
  alreadyOpen: 'An assignment cannot change once it has opened',
  dueBeforeOpen: 'The due time must be after the opening time',
  assignmentStarted: 'Students have started this assignment, so it cannot be deleted',
  previewInstead: 'Only students take assignments: use the preview',
  pastDue: 'This assignment is past its due time',
  noAttemptsLeft: 'No attempts left',
  instructorsDoNotAnswer: 'Instructors do not answer or submit for students',
  attemptSubmitted: 'This attempt is submitted',
  timeOver: 'The time for this attempt is over',
  noSuchQuestion: 'This attempt has no such question',
  notAnAnswer: 'Not an answer to this question',
  answerFinal: 'This question is answered: with feedback at once, the first answer counts',
  noMisconception: 'No misconception to follow up yet: no wrong answers so far',
  invalidInput: 'Invalid input',
  notJson: 'Request body must be JSON',
  tooLarge: 'Request body too large',
  databaseDown: 'Database unavailable',
  serverError: 'Something went wrong on the server',
} as const;

export type ErrorCode = keyof typeof CLASSROOM_ERRORS;
export const ERROR_CODES = Object.keys(CLASSROOM_ERRORS) as ErrorCode[];

export class ClassroomError extends Error {
  override name = 'ClassroomError';
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: ErrorCode,
    /** Details for the English message only (a parse error's path); never needed to word the code. */
    detail?: string,
  ) {
    super(detail ? `${CLASSROOM_ERRORS[code]}: ${detail}` : CLASSROOM_ERRORS[code]);
  }
}
