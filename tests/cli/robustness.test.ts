// The CLI against hostile input and hostile output: arguments that only look right, input that
// is deep, huge or decorated, and a standard output that closes or fills up.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneLine, runCli } from '@/lib/cli/run';
import { prettyJsonPieces, writeJson } from '@/lib/cli/json-out';
import fc from 'fast-check';

const root = join(import.meta.dirname, '..', '..');
const launcher = join(root, 'lib', 'cli', 'launch.cjs');

const TRACE = (seq: string) =>
  `{"endpoints":{"A":{"role":"client"},"B":{"role":"server"}},"events":[{"from":"A","flags":["SYN"],"seq":${seq},"ack":0,"len":0}]}`;
const readText = (text: string) => async () => text;

describe('arguments', () => {
  it('--seed=7=9 is not read as 7', async () => {
    const r = await runCli(['generate', 'handshake', '--seed=7=9'], readText(''));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^trace: --seed must be an integer/);
  });
  it('an option given twice is refused, not read as its last value', async () => {
    for (const argv of [['generate', 'handshake', '--seed', '7', '--seed', '8'], ['replay', 'f', '--lang=zh', '--lang', 'en']]) {
      const r = await runCli(argv, readText(TRACE('1')));
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^trace: --(seed|lang) is given more than once/);
    }
  });
  it('scenarios takes no arguments', async () => {
    const r = await runCli(['scenarios', 'extra'], readText(''));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenarios takes no arguments, got "extra"/);
  });
});

describe('input', () => {
  it('a UTF-8 byte order mark is accepted', async () => {
    const r = await runCli(['replay', 'f'], readText(`\uFEFF${TRACE('1')}`));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).steps).toHaveLength(1);
  });
  it('an array nested 4,000 deep in a field is a format error with its path', async () => {
    const r = await runCli(['replay', 'f'], readText(TRACE(`${'['.repeat(4000)}${']'.repeat(4000)}`)));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('trace: $.events[0].seq: expected an integer from 0 to 4294967295, got an array of 1\n');
  });
  it('seq: 1e400 is reported as out of range, not as null', async () => {
    const r = await runCli(['replay', 'f'], readText(TRACE('1e400')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$\.events\[0\]\.seq: .*got a number beyond the range of JSON numbers/);
  });
  it('a huge wrong string is quoted short', async () => {
    const r = await runCli(['replay', 'f'], readText(TRACE(JSON.stringify('x'.repeat(1_000_000)))));
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(200);
  });
});

describe('error messages', () => {
  it('are one line, escaped and capped, whatever they quote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        const line = oneLine(text);
        expect(line.endsWith('\n')).toBe(true);
        expect(line.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        expect(line.length).toBeLessThan(460);
      }),
    );
    expect(oneLine('bad \u001b[2K\u001b[31mred')).toBe('trace: bad \\u001b[2K\\u001b[31mred\n');
    // U+2028 and U+2029 are no \n, yet a terminal or log viewer may break the line there.
    expect(oneLine('a\u2028b\u2029c')).toBe('trace: a\\u2028b\\u2029c\n');
  });
});

describe('streamed JSON', () => {
  it('prints the same JSON value, a long array one element per line', async () => {
    const value = {
      valid: false,
      steps: Array.from({ length: 300 }, (_, i) => ({ states: { A: 'ESTABLISHED', B: 'CLOSE_WAIT' }, error: i % 7 ? null : { field: 'ack', expected: i, got: i + 1, explain: 'x\n"y"' } })),
      nested: [[1, 2], { deep: Array.from({ length: 100 }, (_, i) => i) }],
      empty: [],
    };
    const pieces: string[] = [];
    await writeJson(value, (text) => {
      pieces.push(text);
    });
    const text = pieces.join('');
    expect(JSON.parse(text)).toEqual(value);
    expect(text.split('\n').filter((l) => l.includes('"states"'))).toHaveLength(300);
    const small = { valid: true, steps: value.steps.slice(0, 3) };
    pieces.length = 0;
    await writeJson(small, (t) => {
      pieces.push(t);
    });
    expect(pieces.join('')).toBe(`${JSON.stringify(small, null, 2)}\n`);
  });
  it('is the same JSON value as its input, whatever the value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 0, max: 200 }), (v, n) => {
        const value = { v, list: Array.from({ length: n }, () => v) };
        expect(JSON.parse([...prettyJsonPieces(value)].join(''))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 50 },
    );
  });
});

/** Runs the launcher with its stdout sent through a shell redirection or pipe. */
function shell(command: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output that goes away (real process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'synack-cli-out-'));
  const file = join(dir, 'big.json');
  const events = Array.from({ length: 20_000 }, () => ({ app: { at: 'A', call: 'listen' } }));
  writeFileSync(file, JSON.stringify({ endpoints: { A: { role: 'server' }, B: { role: 'client' } }, events }));

  it('a reader that closes the pipe ends it quietly, exit 0', async () => {
    const r = await shell(`set -o pipefail; node ${launcher} replay ${file} | head -c 50 > /dev/null`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('a full disk is one line on stderr and exit 2', async () => {
    const r = await shell(`node ${launcher} replay ${file} > /dev/full`);
    expect(r.stderr).toBe('trace: cannot write standard output: ENOSPC\n');
    expect(r.code).toBe(2);
  }, 60_000);
});
