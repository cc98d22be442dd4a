// The signed-in learner's progress: GET reads it; POST merges the browser's local progress into
// it (a visitor's practice moving into the account at sign-in) and returns the merged whole.
import { accountProgressSchema, mergeProgress, parseStoredProgress } from '@/lib/classroom/progress';
import { handle, json, readBody } from '@/app/_server/http';
import { requireUser } from '@/app/_server/session';
import { getStore } from '@/app/_server/store';

export const dynamic = 'force-dynamic';

async function stored(userId: string) {
  const row = await (await getStore()).getProgress(userId);
  return row ? parseStoredProgress(row.lessons, row.quiz) : parseStoredProgress([], { version: 1, attempts: [] });
}

export const GET = handle(async (request: Request) => {
  const user = await requireUser(request);
  return json(await stored(user.id));
});

export const POST = handle(async (request: Request) => {
  const user = await requireUser(request);
  const local = await readBody(request, accountProgressSchema, 512 * 1024);
  const merged = mergeProgress(await stored(user.id), local);
  await (await getStore()).saveProgress(user.id, merged.lessons, merged.quiz, Date.now());
  return json(merged);
});
