import type { ResolvedEvent, Segment, Side } from '@/lib/engine/types';

// Pure helpers shared by the three views (no engine code: lesson pages must not ship it).

/** The segment an event is about, if any (a deliver or drop carries the one it names). */
export function segmentOf(event: ResolvedEvent): Segment | null {
  return 'segment' in event ? event.segment : null;
}

export function flagsLabel(flags: readonly string[]): string {
  const order = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'];
  return [...flags].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(', ');
}

export function other(side: Side): Side {
  return side === 'A' ? 'B' : 'A';
}
