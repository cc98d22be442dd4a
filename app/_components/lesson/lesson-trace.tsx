'use client';

import type { TraceView } from '@/lib/engine/trace-view';
import { TraceWidget } from '@/app/_components/trace/trace-widget';

/**
 * A lesson's trace widget, given its view as JSON text. React's payload walks an object prop key
 * by key twice per request (serialized by the server, revived for the HTML), while a string
 * crosses as one block and JSON.parse reads it natively: for a lesson's dozen widgets this was
 * the biggest part of the payload's cost.
 */
export function LessonTrace({ id, viewJson }: { id: string; viewJson: string }) {
  return <TraceWidget id={id} view={viewOf(viewJson)} />;
}

/**
 * Views by their JSON. The server gets the same text for a widget on every request, so one parsed
 * object serves them all (and whatever is memoized on it, such as the sequence diagram's layout).
 * Bounded by the lessons' widgets; nothing changes a view once made.
 */
const parsed = new Map<string, TraceView>();
function viewOf(json: string): TraceView {
  let view = parsed.get(json);
  if (view === undefined) {
    view = JSON.parse(json) as TraceView;
    parsed.set(json, view);
  }
  return view;
}
