// Pairs each `send` with its `deliver` or `drop`, so a diagram can draw an arrow from the send
// row to the arrival row (or a cross). Two linear passes; unknown ids resolve to null.
import type { ResolvedEvent, Segment, Trace } from './types';

export function resolveEvents(trace: Trace): ResolvedEvent[] {
  const sentAt = new Map<string, { index: number; segment: Segment }>();
  const fateOf = new Map<string, { fate: 'delivered' | 'dropped'; at: number }>();
  trace.events.forEach((e, index) => {
    if ('send' in e && !sentAt.has(e.id)) sentAt.set(e.id, { index, segment: e.send });
    else if ('deliver' in e && !fateOf.has(e.deliver)) fateOf.set(e.deliver, { fate: 'delivered', at: index });
    else if ('drop' in e && !fateOf.has(e.drop)) fateOf.set(e.drop, { fate: 'dropped', at: index });
  });
  return trace.events.map((e): ResolvedEvent => {
    if ('send' in e) {
      const fate = fateOf.get(e.id);
      return { kind: 'send', id: e.id, segment: e.send, fate: fate?.fate ?? 'in_flight', fateAt: fate?.at ?? null };
    }
    if ('deliver' in e) {
      const sent = sentAt.get(e.deliver);
      return { kind: 'deliver', id: e.deliver, segment: sent?.segment ?? null, sentAt: sent?.index ?? null };
    }
    if ('drop' in e) {
      const sent = sentAt.get(e.drop);
      return { kind: 'drop', id: e.drop, segment: sent?.segment ?? null, sentAt: sent?.index ?? null };
    }
    if ('app' in e) return { kind: 'app', ...e.app };
    if ('timeout' in e) return { kind: 'timeout', ...e.timeout };
    if ('expect' in e) return { kind: 'expect', states: e.expect };
    return { kind: 'segment', segment: e };
  });
}
