// The signed-in learner's revision state (review cards, mistake book, mock exams, exam date):
// GET reads it; POST merges the browser's copy into it and returns the merged whole, so a
// review done offline is kept when the device comes back, and every device shows the same.
import { mergeRevision, revisionStateOf, revisionStateSchema, type RevisionState } from '@/lib/revision';
import { handle, json, readBody } from '@/app/_server/http';
import { requireUser } from '@/app/_server/session';
import { getStore } from '@/app/_server/store';

export const dynamic = 'force-dynamic';

/** Cards, 500 mistakes and ten exams in full stay well under this. */
const MAX_BODY = 2 * 1024 * 1024;

export const GET = handle(async (request: Request) => {
  const user = await requireUser(request);
  return json(revisionStateOf(await (await getStore()).getRevision(user.id)));
});

export const POST = handle(async (request: Request) => {
  const user = await requireUser(request);
  const local = (await readBody(request, revisionStateSchema, MAX_BODY)) as RevisionState;
  const store = await getStore();
  const merged = mergeRevision(revisionStateOf(await store.getRevision(user.id)), local);
  await store.saveRevision(user.id, merged, Date.now());
  return json(merged);
});
