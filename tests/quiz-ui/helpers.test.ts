import { describe, expect, it } from 'vitest';
import { EMPTY_PROGRESS, recordAttempt } from '@/lib/quiz';
import type { Trace } from '@/lib/engine/types';
import { parseWhole } from '@/app/_lib/quiz-input';
import { roundIsn } from '@/lib/sandbox/sandbox';
import { parseQuizProgress } from '@/app/_lib/quiz-progress';
import { endlessQuery, MAX_SET_SIZE, readPracticeLink } from '@/app/_lib/practice-link';
import { revealEnd, segmentText } from '@/app/_lib/quiz-format';
import { flagsText, segmentOf, traceViewOf } from '@/lib/engine';

describe('parseWhole', () => {
  it('accepts full-width digits and separators from a CJK input method', () => {
    expect(parseWhole('８１０１')).toEqual({ ok: true, value: 8101 });
    expect(parseWhole('４，２９４，９６７，２９５')).toEqual({ ok: true, value: 4294967295 });
    expect(parseWhole('\u3000１２\u3000')).toEqual({ ok: true, value: 12 });
    expect(parseWhole('４２９４９６７２９６')).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseWhole('١٢')).toEqual({ ok: false, error: 'notWhole' });
  });
  it('reads 32-bit numbers, including the largest', () => {
    expect(parseWhole('0')).toEqual({ ok: true, value: 0 });
    expect(parseWhole(' 4294967295 ')).toEqual({ ok: true, value: 4294967295 });
    expect(parseWhole('4 294 967 295')).toEqual({ ok: true, value: 4294967295 });
    expect(parseWhole('1,001')).toEqual({ ok: true, value: 1001 });
  });
  it('names what is wrong', () => {
    expect(parseWhole('')).toEqual({ ok: false, error: 'empty' });
    expect(parseWhole('   ')).toEqual({ ok: false, error: 'empty' });
    expect(parseWhole('-1')).toEqual({ ok: false, error: 'notWhole' });
    expect(parseWhole('1.5')).toEqual({ ok: false, error: 'notWhole' });
    expect(parseWhole('0x10')).toEqual({ ok: false, error: 'notWhole' });
    expect(parseWhole('1e3')).toEqual({ ok: false, error: 'notWhole' });
    expect(parseWhole('4294967296')).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseWhole('99999999999999999999')).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseWhole('101', 100)).toEqual({ ok: false, error: 'tooLarge' });
  });
});

describe('roundIsn', () => {
  it('is a multiple of 1000 inside 32 bits', () => {
    for (const r of [0, 0.5, 0.999999999]) {
      const isn = roundIsn(() => r);
      expect(isn % 1000).toBe(0);
      expect(isn).toBeLessThanOrEqual(0xffff_ffff);
    }
  });
});

describe('parseQuizProgress', () => {
  const attempt = { at: 1, item: 'ack.handshake.42.b', kind: 'ack', skill: 'ack_of_syn', correct: false, misconception: 'syn_fin_consume_one' } as const;
  it('reads back what was stored', () => {
    const p = recordAttempt(EMPTY_PROGRESS, attempt);
    expect(parseQuizProgress(JSON.stringify(p))).toEqual(p);
  });
  it("keeps each first try's answer, and drops only an answer of no shape a question takes", () => {
    const p = recordAttempt(recordAttempt(EMPTY_PROGRESS, { ...attempt, response: { flags: ['SYN', 'ACK'], seq: 1, ack: 2, len: 0 } }), { ...attempt, at: 2, response: 7 });
    expect(parseQuizProgress(JSON.stringify(p)).attempts.map((a) => a.response)).toEqual([{ flags: ['SYN', 'ACK'], seq: 1, ack: 2, len: 0 }, 7]);
    const forged = JSON.stringify({ version: 1, attempts: [{ ...attempt, response: { option: 1, extra: 'x'.repeat(10_000) } }] });
    expect(parseQuizProgress(forged).attempts).toEqual([{ ...attempt, response: undefined }]);
  });
  it('starts fresh on anything else', () => {
    for (const raw of [null, '', 'not json', '[]', '{"version":2,"attempts":[]}', JSON.stringify({ version: 1, attempts: [{ ...attempt, skill: 'nope' }] }), JSON.stringify({ version: 1, attempts: [{ ...attempt, at: 'x' }] })]) {
      expect(parseQuizProgress(raw)).toEqual(EMPTY_PROGRESS);
    }
  });
});

describe('readPracticeLink', () => {
  it('prefers a question set', () => {
    expect(readPracticeLink({ q: 'ack.handshake.1.b', endless: '1' })).toEqual({ mode: 'set', q: 'ack.handshake.1.b', repeats: 0 });
  });
  it('keeps at most MAX_SET_SIZE questions of a set, however long the link', () => {
    const specs = Array.from({ length: 400 }, (_, i) => `ack.handshake.${i}.b`);
    const link = readPracticeLink({ q: specs.join('~') });
    expect(link).toEqual({ mode: 'set', q: specs.slice(0, MAX_SET_SIZE).join('~'), repeats: 0 });
    const huge = readPracticeLink({ q: 'x'.repeat(1_000_000) });
    expect(huge.mode === 'set' && huge.q.length).toBeLessThanOrEqual(MAX_SET_SIZE * 64);
  });
  it('drops repeated questions, keeping first occurrences, and counts them; a bad entry is left for the page to skip', () => {
    const same = Array.from({ length: 80 }, () => 'state.handshake.1.b').join('~');
    expect(readPracticeLink({ q: same })).toEqual({ mode: 'set', q: 'state.handshake.1.b', repeats: 79 });
    const mixed = 'ack.handshake.2.b~ack.handshake.1.b~junk~ack.handshake.02.b~ack.handshake.1.e~ack.handshake.1.b~junk';
    expect(readPracticeLink({ q: mixed })).toEqual({ mode: 'set', q: 'ack.handshake.2.b~ack.handshake.1.b~junk~ack.handshake.1.e~junk', repeats: 2 });
  });
  it('round-trips an endless run', () => {
    const link = { seed: 42, topics: ['handshake', 'states'] as const, difficulty: 'expert' as const };
    const params = Object.fromEntries(new URLSearchParams(endlessQuery({ ...link, topics: [...link.topics] })));
    expect(readPracticeLink(params)).toEqual({ mode: 'endless', ...link, topics: [...link.topics] });
  });
  it('ignores a broken link', () => {
    expect(readPracticeLink({})).toEqual({ mode: 'none' });
    expect(readPracticeLink({ endless: '1', seed: 'x', topics: 'handshake' })).toEqual({ mode: 'none' });
    expect(readPracticeLink({ endless: '1', seed: '99999999999', topics: 'handshake' })).toEqual({ mode: 'none' });
    expect(readPracticeLink({ endless: '1', seed: '3', topics: 'nope' })).toEqual({ mode: 'none' });
  });
});

describe('quiz-format and trace view', () => {
  const trace: Trace = {
    endpoints: { A: { role: 'client' }, B: { role: 'server' } },
    events: [
      { send: { from: 'A', flags: ['SYN'], seq: 4294967295, ack: 0, len: 0 }, id: 's' },
      { deliver: 's' },
      { from: 'B', flags: ['ACK', 'SYN'], seq: 10, ack: 0, len: 0 },
    ],
  };
  it('formats flags in the usual order', () => {
    expect(flagsText(['ACK', 'SYN'])).toBe('SYN, ACK');
    expect(segmentText({ flags: [], seq: 1, ack: 2, len: 3 }, 'none')).toBe('none  seq=1 ack=2 len=3');
  });
  it('finds segments and reveals a send with its delivery', () => {
    expect(segmentOf(trace.events[0])?.seq).toBe(4294967295);
    expect(segmentOf(trace.events[1])).toBeNull();
    expect(revealEnd(trace.events, 0)).toBe(2);
    expect(revealEnd(trace.events, 2)).toBe(3);
  });
  it('replays a trace into a widget view in either language', () => {
    const view = traceViewOf(trace, 'zh', 'c', ['sequence']);
    expect(view.initial).toEqual({ A: 'CLOSED', B: 'LISTEN' });
    expect(view.events).toHaveLength(3);
    expect(view.steps[1]?.states.B).toBe('SYN_RECEIVED');
    expect(view.narration[0]).toMatch(/[\u4e00-\u9fff]/);
  });
});
