// "Quiz me on this connection": questions on an imported connection's own segments (its acks,
// sequence numbers, flags and states), asked only where the connection still conforms, so
// every question has a right answer the engine can grade. Pure given the seed.
import { replayRecords, seededRandom, segmentOf, type Trace } from '@/lib/engine';
import { lessonItem, type QuizItem } from '@/lib/quiz';

/** Questions need only what comes before them: a long capture is quizzed on its start. */
const MAX_EVENTS = 200;

type Field = 'ack' | 'seq' | 'flags' | 'state';

export function captureQuizItems(trace: Trace, seed: number, count = 5): QuizItem[] {
  const shown: Trace = { ...trace, events: trace.events.slice(0, MAX_EVENTS) };
  const records = replayRecords(shown);
  const firstError = records.findIndex((r) => r.finding !== null);
  const usable = firstError < 0 ? shown.events.length : firstError;
  const candidates: { event: number; field: Field }[] = [];
  shown.events.slice(0, usable).forEach((e, event) => {
    const segment = segmentOf(e);
    if (segment !== null) {
      if (segment.flags.includes('ACK')) candidates.push({ event, field: 'ack' });
      // A SYN's seq is a free choice (the ISN): nothing to ask.
      if (!segment.flags.includes('SYN')) candidates.push({ event, field: 'seq' });
      candidates.push({ event, field: 'flags' });
    } else if ('deliver' in e) candidates.push({ event, field: 'state' });
  });
  const rng = seededRandom(seed);
  const items: QuizItem[] = [];
  while (items.length < count && candidates.length > 0) {
    const [pick] = candidates.splice(rng.int(0, candidates.length - 1), 1);
    if (pick === undefined) break;
    try {
      items.push(lessonItem(shown, pick.event, pick.field, pick.field === 'state' ? (rng.int(0, 1) ? 'A' : 'B') : undefined));
    } catch {
      // The engine cannot ask this one here (no state change on that side, ...): pick another.
    }
  }
  return items.sort((x, y) => x.event - y.event);
}
