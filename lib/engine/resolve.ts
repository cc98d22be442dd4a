// Pairs each `send` with its `deliver` or `drop`, so a diagram can draw an arrow from the send
// row to the arrival row (or a cross). One forward pass, as the engine sees the events: a
// delivery or loss names the first earlier send with its id (unknown ids resolve to null), and
// settles that send's fate if it was still in flight.
import type { ResolvedEvent, TraceEvent, Trace } from './types';

type SendEntry = Extract<ResolvedEvent, { kind: 'send' }>;

/**
 * Resolves `event`, the next after those in `resolved`, and appends it; a delivery or loss may
 * also replace the entry of the send it settles. `firstSend(id)` is the index of the first send
 * with that id so far.
 */
export function resolveNext(resolved: ResolvedEvent[], event: TraceEvent, firstSend: (id: string) => number | undefined): void {
  const index = resolved.length;
  if ('send' in event) {
    resolved.push({ kind: 'send', id: event.id, segment: event.send, fate: 'in_flight', fateAt: null });
  } else if ('deliver' in event || 'drop' in event) {
    const kind = 'deliver' in event ? 'deliver' : 'drop';
    const id = 'deliver' in event ? event.deliver : event.drop;
    const at = firstSend(id);
    const sent = at === undefined ? undefined : (resolved[at] as SendEntry);
    if (sent && sent.fate === 'in_flight') resolved[at as number] = { ...sent, fate: kind === 'deliver' ? 'delivered' : 'dropped', fateAt: index };
    resolved.push({ kind, id, segment: sent?.segment ?? null, sentAt: at ?? null });
  } else if ('app' in event) resolved.push({ kind: 'app', ...event.app });
  else if ('timeout' in event) resolved.push({ kind: 'timeout', ...event.timeout });
  else if ('expect' in event) resolved.push({ kind: 'expect', states: event.expect });
  else resolved.push({ kind: 'segment', segment: event });
}

/** Every event of a trace, resolved. Pure. */
export function resolveEvents(trace: Trace): ResolvedEvent[] {
  const resolved: ResolvedEvent[] = [];
  const firstSend = new Map<string, number>();
  for (const event of trace.events) {
    if ('send' in event && !firstSend.has(event.id)) firstSend.set(event.id, resolved.length);
    resolveNext(resolved, event, (id) => firstSend.get(id));
  }
  return resolved;
}
