// The answers of an assignment attempt not yet confirmed by the server, kept in the browser's
// localStorage so that none is lost when the page is reloaded (or the tab closed) while offline.
// An entry is the answer as given and its per-question counter `seq`: the counter is the answer's
// client-made id, so sending an entry twice stores it once (the server keeps the highest seq).
// Functions take the Storage, so they are tested without a browser.
export interface QueuedAnswer {
  response: unknown;
  seq: number;
  /** When it was given, on the server's clock: an answer sent late still counts if given in time. */
  answeredAt?: number;
}

export type AnswerQueue = Record<number, QueuedAnswer>;

const keyOf = (attemptId: string) => `synack.answers.v1.${attemptId}`;

function isEntry(v: unknown): v is QueuedAnswer {
  return typeof v === 'object' && v !== null && 'response' in v && Number.isInteger((v as QueuedAnswer).seq);
}

/** The queued answers of the attempt; anything unreadable (another version, a hand edit) is ignored. */
export function readQueue(storage: Storage, attemptId: string): AnswerQueue {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(keyOf(attemptId)) ?? '{}');
    const out: AnswerQueue = {};
    if (typeof parsed !== 'object' || parsed === null) return out;
    for (const [k, v] of Object.entries(parsed)) {
      if (!/^\d+$/.test(k) || !isEntry(v)) continue;
      out[Number(k)] = Number.isInteger(v.answeredAt) ? { response: v.response, seq: v.seq, answeredAt: v.answeredAt } : { response: v.response, seq: v.seq };
    }
    return out;
  } catch {
    return {};
  }
}

function write(storage: Storage, attemptId: string, queue: AnswerQueue): void {
  if (Object.keys(queue).length === 0) storage.removeItem(keyOf(attemptId));
  else storage.setItem(keyOf(attemptId), JSON.stringify(queue));
}

/** Keeps the answer until the server confirms it; a newer answer to the question replaces an older one. */
export function enqueue(storage: Storage, attemptId: string, position: number, entry: QueuedAnswer): void {
  const queue = readQueue(storage, attemptId);
  const held = queue[position];
  if (held && held.seq > entry.seq) return;
  queue[position] = entry;
  write(storage, attemptId, queue);
}

/** The server has (or has refused for good) the answer numbered `seq`: drop it and anything older. */
export function settle(storage: Storage, attemptId: string, position: number, seq: number): void {
  const queue = readQueue(storage, attemptId);
  const held = queue[position];
  if (!held || held.seq > seq) return;
  delete queue[position];
  write(storage, attemptId, queue);
}

/** Where a question starts on this device: the newer of what the server stored and what is queued here. */
export function resumeAnswer(stored: { clientSeq: number; response: unknown } | undefined, queued: QueuedAnswer | undefined): { response: unknown; seq: number; unsent: boolean; answeredAt?: number } | null {
  if (queued && queued.seq > (stored?.clientSeq ?? 0)) return { response: queued.response, seq: queued.seq, unsent: true, ...(queued.answeredAt ? { answeredAt: queued.answeredAt } : {}) };
  return stored ? { response: stored.response, seq: stored.clientSeq, unsent: false } : null;
}
