// The `trace` CLI exactly as ../shared/trace-format.md writes it: through npm, a real process,
// real files and standard input; plus runCli in-process for the many error paths.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/lib/cli/run';
import { SCENARIO_FAMILIES } from '@/lib/engine';
import { npmTrace } from './npm-trace';

const readNothing = async (): Promise<string> => {
  throw new Error('unexpected read');
};

const EXAMPLE = {
  name: 'client_closes_first',
  endpoints: { A: { role: 'client' }, B: { role: 'server' } },
  events: [
    { send: { from: 'A', flags: ['SYN'], seq: 1000, ack: 0, len: 0 }, id: '1' },
    { deliver: '1' },
    { from: 'B', flags: ['SYN', 'ACK'], seq: 5000, ack: 1002, len: 0 },
  ],
};

describe('trace CLI (real process)', () => {
  it('replay FILE prints the replay output of the format document and exits 0 for an invalid trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'synack-cli-'));
    const file = join(dir, 'trace.json');
    writeFileSync(file, JSON.stringify(EXAMPLE));
    const r = await npmTrace(['replay', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      valid: false,
      steps: [
        { states: { A: 'SYN_SENT', B: 'LISTEN' }, error: null },
        { states: { A: 'SYN_SENT', B: 'SYN_RECEIVED' }, error: null },
        { states: { A: 'SYN_SENT', B: 'SYN_RECEIVED' }, error: { field: 'ack', expected: 1001, got: 1002 } },
      ],
    });
  }, 60_000);

  it('replay - reads standard input; generate | replay round-trips valid; --lang zh explains in Chinese', async () => {
    const generated = await npmTrace(['generate', 'lost_fin', '--seed', '42']);
    expect(generated.code).toBe(0);
    const replayed = await npmTrace(['replay', '-'], generated.stdout);
    expect(JSON.parse(replayed.stdout).valid).toBe(true);
    const zh = await npmTrace(['replay', '-', '--lang', 'zh'], JSON.stringify(EXAMPLE));
    expect(JSON.parse(zh.stdout).steps[2].error.explain).toContain('SYN 消耗一个序号');
  }, 60_000);

  it('item then grade, as a real process: the three-segment teardown FIN,ACK is right after the peer FIN (issue 9 error 1)', async () => {
    const item = await npmTrace(['item', 'next_flags.server_closes_first.2.b', '--lang', 'zh']);
    expect(item.stderr).toBe('');
    const built = JSON.parse(item.stdout);
    expect(built.prompt).toMatch(/标志位/);
    const dir = mkdtempSync(join(tmpdir(), 'synack-item-'));
    const file = join(dir, 'item.json');
    writeFileSync(file, JSON.stringify(built.trace));
    const grade = (answer: string[]) =>
      npmTrace(['grade', file, '--event', String(built.event), '--field', 'flags', '--answer', JSON.stringify(answer)]);
    expect(JSON.parse((await grade(['FIN', 'ACK'])).stdout).correct).toBe(true);
    const rst = JSON.parse((await grade(['RST'])).stdout);
    expect(rst.correct).toBe(false);
    expect(rst.misconception).not.toBeNull();
  }, 60_000);

  it('unreadable input prints one line on stderr and exits 2, never a stack trace', async () => {
    const r = await npmTrace(['replay', '-'], '{"endpoints": ');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^trace: .*not JSON/);
    const missing = await npmTrace(['replay', '/definitely/not/here.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^trace: cannot read .*ENOENT\n$/);
  }, 60_000);
});

describe('trace CLI (in-process)', () => {
  it('scenarios lists every family, one per line', async () => {
    const r = await runCli(['scenarios'], readNothing);
    expect(r.stdout.trim().split('\n')).toEqual(SCENARIO_FAMILIES);
  });

  it('generate is deterministic per seed and carries expect checkpoints', async () => {
    const a = await runCli(['generate', 'handshake', '--seed', '9'], readNothing);
    const b = await runCli(['generate', 'handshake', '--seed=9'], readNothing);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).events.some((e: object) => 'expect' in e)).toBe(true);
    const c = await runCli(['generate', 'handshake', '--seed', '10'], readNothing);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it.each([
    [['generate', 'nope'], /unknown scenario "nope"/],
    [['generate', 'handshake', '--seed', 'abc'], /--seed must be an integer/],
    [['generate', 'handshake', '--seed'], /--seed needs a value/],
    [['generate', 'handshake', '--difficulty', 'hard'], /--difficulty must be beginner or expert/],
    [['replay', 'x.json', '--lang', 'fr'], /--lang must be one of en, zh/],
    [['replay'], /replay takes one FILE/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /no command given/],
    [['from-pcap'], /from-pcap takes one FILE/],
    [['to-pcap', 'x.json'], /--out is required/],
    [['generate', 'handshake', '--colour', 'red'], /unknown option --colour/],
  ])('%j exits 2 with one line', async (argv, message) => {
    const r = await runCli(argv, async () => '{}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['not json', /not JSON/],
    ['[]', /\$: expected a trace object/],
    ['{"endpoints":{"A":{"role":"client"},"B":{"role":"king"}},"events":[]}', /\$\.endpoints\.B\.role: expected one of client, server, peer/],
    ['{"endpoints":{"A":{"role":"client"},"B":{"role":"server"}},"events":[{"from":"A","flags":["SYN"],"seq":4294967296,"ack":0}]}', /\$\.events\[0\]\.seq/],
  ])('replay of %s exits 2 naming the problem', async (text, message) => {
    const r = await runCli(['replay', 'in.json'], async () => text);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
