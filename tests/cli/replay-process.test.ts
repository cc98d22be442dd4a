// The streamed replay as a real process: standard input read twice (events before endpoints
// need a second pass), output held in a deleted temporary file past memory, nothing left behind.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { writeJson } from '@/lib/cli/json-out';
import { IN_MEMORY } from '@/lib/cli/spool';
import { parseTrace, replayTrace } from '@/lib/engine';
import { longConnection } from '../bench/engine';
import { npmTrace } from './npm-trace';

const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`synack-trace-`));

describe('trace replay - (real process)', () => {
  it('a long trace on standard input with its events first prints the whole-document replay', async () => {
    const trace = longConnection(80_000);
    const { events, endpoints, ...rest } = trace;
    (events[40_000] as { seq: number }).seq += 1;
    const text = JSON.stringify({ events, ...rest, endpoints });
    let expected = '';
    await writeJson(replayTrace(parseTrace(JSON.parse(text))), (t) => void (expected += t));
    expect(expected.length).toBeGreaterThan(IN_MEMORY);
    const before = leftovers();
    const r = await npmTrace(['replay', '-'], text);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout === expected).toBe(true);
    expect(leftovers()).toEqual(before);
  }, 120_000);
});
