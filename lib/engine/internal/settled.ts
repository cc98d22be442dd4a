// The ids of segments that already arrived or were lost, kept small. Replay must still know
// them (a later `send` reusing one is DUPLICATE_SEGMENT_ID, a second `deliver` is
// SEGMENT_NOT_IN_FLIGHT, not UNKNOWN_SEGMENT_ID), but one map entry per segment made a long
// replay's memory grow with its length. Ids that are decimal numbers (every generator and
// capture writes "1", "2", ...) are kept as runs of consecutive ids with the same fate, so a
// connection's whole history is a handful of runs; other ids stay in the network map.

export type Fate = 'delivered' | 'dropped';

/** [first, last, fate]: ids first..last all had this fate. Sorted by first; plain JSON. */
export type SettledRuns = Array<[number, number, Fate]>;

/** A decimal number as the id of one segment ("7", not "07" or "7.0"), or null. */
function asNumber(id: string): number | null {
  return /^(?:0|[1-9][0-9]{0,14})$/.test(id) ? Number(id) : null;
}

/** Index of the last run starting at or before n, or -1. */
function runBefore(runs: SettledRuns, n: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid] as [number, number, Fate])[0] <= n) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** What became of segment `id`, if it is a number id that settled. */
export function settledFate(runs: SettledRuns, id: string): Fate | undefined {
  const n = asNumber(id);
  if (n === null) return undefined;
  const run = runs[runBefore(runs, n)];
  return run !== undefined && n <= run[1] ? run[2] : undefined;
}

/**
 * Records that segment `id` (in flight until now, so in no run) arrived or was lost. False
 * when the id is not a number: the caller keeps it in the network map instead.
 */
export function settle(runs: SettledRuns, id: string, fate: Fate): boolean {
  const n = asNumber(id);
  if (n === null) return false;
  const at = runBefore(runs, n);
  const before = runs[at];
  const after = runs[at + 1];
  const joinsBefore = before !== undefined && before[1] === n - 1 && before[2] === fate;
  const joinsAfter = after !== undefined && after[0] === n + 1 && after[2] === fate;
  if (joinsBefore && joinsAfter) {
    before[1] = after[1];
    runs.splice(at + 1, 1);
  } else if (joinsBefore) before[1] = n;
  else if (joinsAfter) after[0] = n;
  else runs.splice(at + 1, 0, [n, n, fate]);
  return true;
}
