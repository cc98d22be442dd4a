// `trace grade` and `trace item` as ../shared/trace-format.md writes them ("Questions from the
// command line"): grading an item's answer is `grade` on the item's trace at its event.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/lib/cli/run';
import { SCENARIO_FAMILIES, type Difficulty } from '@/lib/engine';
import { buildItem, decodeSpec, encodeSpec, gradeItem, QUESTION_KINDS, type ItemSpec } from '@/lib/quiz';

const files = new Map<string, string>();
const read = async (path: string): Promise<string> => {
  const text = files.get(path);
  if (text === undefined) throw new Error(`no file ${path}`);
  return text;
};

async function cli(args: string[]): Promise<{ code: number; out: unknown; stderr: string }> {
  const r = await runCli(args, read);
  return { code: r.code, out: r.code === 0 ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

interface ItemOut { spec: string; kind: string; field: string | null; prompt: string; trace: unknown; event: number; shown: number; options: unknown[] | null }
interface GradeOut { correct: boolean; field: string; expected: unknown; explain: string; rule: string | null; misconception: string | null }

async function item(spec: string, lang = 'en'): Promise<ItemOut> {
  const r = await cli(['item', spec, '--lang', lang]);
  expect(r.code, r.stderr).toBe(0);
  return r.out as ItemOut;
}

async function grade(trace: unknown, event: number, field: string, answer: unknown, lang = 'en'): Promise<GradeOut> {
  files.set('t.json', JSON.stringify(trace));
  const r = await cli(['grade', 't.json', '--event', String(event), '--field', field, '--answer', JSON.stringify(answer), '--lang', lang]);
  expect(r.code, r.stderr).toBe(0);
  return r.out as GradeOut;
}

const HANDSHAKE = {
  endpoints: { A: { role: 'client' }, B: { role: 'server' } },
  events: [
    { from: 'A', flags: ['SYN'], seq: 1000, ack: 0, len: 0 },
    { from: 'B', flags: ['SYN', 'ACK'], seq: 5000, ack: 1001, len: 0 },
    { from: 'A', flags: ['ACK'], seq: 1001, ack: 5001, len: 0 },
  ],
};

describe('trace grade', () => {
  it('grades every field by replay, with the rule, one right answer and the likely misconception', async () => {
    expect(await grade(HANDSHAKE, 1, 'ack', 1001)).toMatchObject({ correct: true, field: 'ack', expected: 1001, rule: 'ACK_OF_SYN', misconception: null });
    expect(await grade(HANDSHAKE, 1, 'ack', 1000)).toMatchObject({ correct: false, expected: 1001, rule: 'ACK_OF_SYN', misconception: 'syn_fin_consume_one' });
    // the SYN,ACK's seq is free: any ISN is right
    expect(await grade(HANDSHAKE, 1, 'seq', 77)).toMatchObject({ correct: true, rule: 'SEQ_ISN_FREE' });
    expect(await grade(HANDSHAKE, 1, 'flags', ['ACK', 'SYN'])).toMatchObject({ correct: true, rule: 'SYNACK_REQUIRED' });
    expect(await grade(HANDSHAKE, 1, 'flags', ['ACK'])).toMatchObject({ correct: false, expected: ['SYN', 'ACK'], rule: 'SYNACK_REQUIRED' });
    expect(await grade(HANDSHAKE, 2, 'segment', { flags: ['ACK'], seq: 1001, ack: 5001 })).toMatchObject({ correct: true });
    expect(await grade(HANDSHAKE, 2, 'segment', { flags: ['ACK'], seq: 5001, ack: 1001, len: 0 })).toMatchObject({ correct: false, misconception: 'own_vs_peer_numbers' });
    expect(await grade(HANDSHAKE, 2, 'len', 0)).toMatchObject({ correct: true });
    const zh = await grade(HANDSHAKE, 1, 'ack', 1002, 'zh');
    expect(zh.explain).toContain('1000 + 1 = 1001');
  });

  it('event K\'s own value is ignored: a trace wrong at K still asks a question there', async () => {
    const wrongAtK = { ...HANDSHAKE, events: [HANDSHAKE.events[0], { ...HANDSHAKE.events[1], ack: 4 }] };
    expect(await grade(wrongAtK, 1, 'ack', 1001)).toMatchObject({ correct: true, expected: 1001 });
    expect(await grade(wrongAtK, 1, 'ack', 7)).toMatchObject({ correct: false, expected: 1001 });
  });

  it('states: either side may be left out; the states right after event K', async () => {
    expect(await grade(HANDSHAKE, 1, 'state', { A: 'ESTABLISHED', B: 'SYN_RECEIVED' })).toMatchObject({ correct: true, expected: { A: 'ESTABLISHED', B: 'SYN_RECEIVED' } });
    expect(await grade(HANDSHAKE, 0, 'state', { B: 'SYN_RECEIVED' })).toMatchObject({ correct: true, expected: { B: 'SYN_RECEIVED' } });
    expect(await grade(HANDSHAKE, 1, 'state', { B: 'ESTABLISHED' })).toMatchObject({ correct: false, expected: { B: 'SYN_RECEIVED' }, misconception: 'handshake_states', rule: 'STATE_MISMATCH' });
  });

  it('a right state answer names the transition that makes it right', async () => {
    expect((await grade(HANDSHAKE, 0, 'state', { B: 'SYN_RECEIVED' })).rule).toBe('STATE_SYN_RECEIVED');
    expect((await grade(HANDSHAKE, 1, 'state', { A: 'ESTABLISHED' })).rule).toBe('STATE_ESTABLISHED');
    const close = { ...HANDSHAKE, events: [...HANDSHAKE.events,
      { from: 'A', flags: ['FIN', 'ACK'], seq: 1001, ack: 5001, len: 0 },
      { from: 'B', flags: ['FIN', 'ACK'], seq: 5001, ack: 1002, len: 0 },
      { from: 'A', flags: ['ACK'], seq: 1002, ack: 5002, len: 0 },
      { timeout: { at: 'A', timer: 'time_wait' } }] };
    expect((await grade(close, 5, 'state', { B: 'CLOSED' })).rule).toBe('STATE_CLOSED_LAST_ACK');
    expect((await grade(close, 6, 'state', { A: 'CLOSED' })).rule).toBe('STATE_CLOSED_2MSL');
    expect((await grade(close, 4, 'state', { A: 'TIME_WAIT' })).rule).toBe('STATE_TIME_WAIT');
  });

  it('bad input is one line on stderr and exit 2', async () => {
    files.set('h.json', JSON.stringify(HANDSHAKE));
    files.set('junk.json', '{not json');
    const bad: string[][] = [
      ['grade', 'junk.json', '--event', '1', '--field', 'ack', '--answer', '1'],
      ['grade', 'h.json', '--event', '9', '--field', 'ack', '--answer', '1'],
      ['grade', 'h.json', '--event', '-1', '--field', 'ack', '--answer', '1'],
      ['grade', 'h.json', '--event', '1', '--field', 'window', '--answer', '1'],
      ['grade', 'h.json', '--event', '1', '--field', 'ack', '--answer', 'x'],
      ['grade', 'h.json', '--event', '1', '--field', 'ack', '--answer', '"1001"'],
      ['grade', 'h.json', '--event', '1', '--field', 'flags', '--answer', '["SYN","URG"]'],
      ['grade', 'h.json', '--event', '1', '--field', 'segment', '--answer', '{"flags":["ACK"],"seq":1,"ack":1,"from":"A"}'],
      ['grade', 'h.json', '--event', '1', '--field', 'state', '--answer', '{"C":"CLOSED"}'],
      ['grade', 'h.json', '--event', '1', '--field', 'state', '--answer', '{"A":"OPEN"}'],
      ['grade', 'h.json', '--field', 'ack', '--answer', '1'],
      ['grade', 'h.json', '--event', '1', '--field', 'ack', '--answer', '1', '--lang', 'fr'],
      ['item', 'ack.nope.1.b'],
      ['item'],
      ['item', 'ack.handshake.1.b', '--lang', 'de'],
    ];
    for (const args of bad) {
      const r = await runCli(args, read);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    // an event that does not fit the field, and a context that is itself wrong
    const app = { ...HANDSHAKE, events: [{ app: { at: 'A', call: 'connect' } }, ...HANDSHAKE.events] };
    files.set('app.json', JSON.stringify(app));
    expect((await runCli(['grade', 'app.json', '--event', '0', '--field', 'seq', '--answer', '1'], read)).stderr).toMatch(/not a segment/);
    const broken = { ...HANDSHAKE, events: [HANDSHAKE.events[0], { ...HANDSHAKE.events[1], ack: 4 }, HANDSHAKE.events[2]] };
    files.set('broken.json', JSON.stringify(broken));
    expect((await runCli(['grade', 'broken.json', '--event', '2', '--field', 'ack', '--answer', '5001'], read)).stderr).toMatch(/not valid at event 1/);
    // a malformed answer says what the field's answer looks like
    expect((await runCli(['grade', 'h.json', '--event', '1', '--field', 'ack', '--answer', '4294967296'], read)).stderr).toMatch(/not an answer for ack: .*0 to 4294967295/);
    expect((await runCli(['grade', 'h.json', '--event', '1', '--field', 'flags', '--answer', '["ACK","ACK"]'], read)).stderr).toMatch(/distinct flags/);
  });
});

describe('trace grade: a cumulative ACK while a gap is open (the lead\'s check from outside)', () => {
  // A sends 100 bytes at 1001 (still in flight) and 200 at 1101 (delivered): B holds 1101..1300 beyond the gap.
  const GAP = {"version": 1, "events": [{"send": {"from": "A", "flags": ["SYN"], "seq": 1000, "ack": 0, "len": 0}, "id": "1"}, {"deliver": "1"}, {"send": {"from": "B", "flags": ["SYN", "ACK"], "seq": 5000, "ack": 1001, "len": 0}, "id": "2"}, {"deliver": "2"}, {"send": {"from": "A", "flags": ["ACK"], "seq": 1001, "ack": 5001, "len": 0}, "id": "3"}, {"deliver": "3"}, {"send": {"from": "A", "flags": ["ACK"], "seq": 1001, "ack": 5001, "len": 100}, "id": "4"}, {"send": {"from": "A", "flags": ["ACK"], "seq": 1101, "ack": 5001, "len": 200}, "id": "5"}, {"deliver": "5"}, {"send": {"from": "B", "flags": ["ACK"], "seq": 5001, "ack": 1001, "len": 0}, "id": "6"}], "endpoints": {"A": {"role": "client"}, "B": {"role": "server"}}};

  it('acknowledging the bytes beyond the gap is wrong, explained by the gap, not by the SYN', async () => {
    for (const [answer, lang] of [[1301, 'en'], [1101, 'en'], [1301, 'zh']] as const) {
      const r = await grade(GAP, 9, 'ack', answer, lang);
      expect(r).toMatchObject({ correct: false, expected: 1001, rule: 'ACK_WITH_GAP', misconception: 'acks_out_of_order' });
      expect(r.explain).toContain(lang === 'en' ? 'missing' : '缺');
      expect(r.explain).toContain('1101');
      expect(r.explain).not.toContain('1000 + 1');
    }
    const right = await grade(GAP, 9, 'ack', 1001);
    expect(right).toMatchObject({ correct: true, rule: 'ACK_WITH_GAP', misconception: null });
    expect(right.explain).toMatch(/duplicate ACK/);
  });
});

describe('trace item', () => {
  it('prints the item a spec rebuilds, in either language', async () => {
    const it1 = await item('ack.handshake.42.b');
    expect(it1).toMatchObject({ spec: 'ack.handshake.42.b', kind: 'ack', field: 'ack', options: null });
    expect(it1.prompt).toMatch(/acknowledgment number/);
    expect((it1.trace as { events: object[] }).events.some((e) => 'expect' in e)).toBe(false);
    expect((await item('ack.handshake.42.b', 'zh')).prompt).toMatch(/确认号/);
    const spot = await item('spot_error.client_closes_first.1.b');
    expect(spot).toMatchObject({ field: null, options: null });
    const mc = await item('multiple_choice.handshake.3.b');
    expect(mc.field).toBeNull();
    expect(mc.options?.length).toBeGreaterThanOrEqual(3);
  });

  it('rebuilds a byte-count item: its prompt gives both numbers, in either language; a spec its scenario cannot ask is exit 2', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const spec = `bytes.data_transfer.${seed}.b`;
      const quiz = buildItem(decodeSpec(spec)!);
      if (quiz.kind !== 'bytes') throw new Error('not a byte count');
      for (const lang of ['en', 'zh']) {
        const out = await item(spec, lang);
        expect(out).toMatchObject({ spec, kind: 'bytes', field: null, options: null, event: quiz.event, shown: quiz.shown });
        expect(out.prompt).toContain(`seq = ${quiz.question.from}`);
        expect(out.prompt).toContain(String(quiz.question.to));
        expect(out.prompt).toMatch(lang === 'zh' ? /多少字节/ : /How many bytes/);
      }
    }
    // refused carries no data: its count is the zero a SYN's one number teaches
    const refused = await item('bytes.refused.1.b');
    expect(gradeItem(buildItem(decodeSpec('bytes.refused.1.b')!), 0, 'en').correct).toBe(refused.kind === 'bytes');
  });

  it('grading an item\'s answer is `grade` on its trace at its event (fast-check over kinds, families, seeds)', async () => {
    const specs = fc.sample(
      fc.record({
        // A byte count is no field of a segment (`field` is null): the test after this one checks it.
        kind: fc.constantFrom(...QUESTION_KINDS.filter((k) => k !== 'spot_error' && k !== 'bytes')),
        family: fc.constantFrom(...SCENARIO_FAMILIES),
        seed: fc.integer({ min: 0, max: 0xffff_ffff }),
        difficulty: fc.constantFrom<Difficulty>('beginner', 'expert'),
      }),
      { numRuns: 40, seed: 9 },
    ) as ItemSpec[];
    for (const spec of specs) {
      const out = await item(encodeSpec(spec));
      const quiz = buildItem(spec);
      const field = out.field ?? (out.kind === 'state_choice' ? 'state' : 'segment');
      const answers: unknown[] = out.options ?? [gradeItem(quiz, spec.kind === 'state' ? 'CLOSED' : spec.kind === 'next_flags' ? [] : spec.kind === 'segment' ? { flags: [], seq: 0, ack: 0, len: 0 } : 0, 'en').canonical];
      for (const [i, answer] of answers.entries()) {
        const cliAnswer = spec.kind === 'state' ? { [quiz.kind === 'state' ? quiz.question.side : 'A']: answer } : answer;
        const viaCli = await grade(out.trace, out.event, field, cliAnswer);
        const inQuiz = gradeItem(quiz, out.options ? { option: i } : (answer as never), 'en');
        expect(viaCli.correct, `${encodeSpec(spec)} ${JSON.stringify(answer)}`).toBe(inQuiz.correct);
      }
    }
  });
});
