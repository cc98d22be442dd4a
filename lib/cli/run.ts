// The `trace` CLI as a function: arguments and a way to read input in, the text to print and
// the exit code out. main.ts is the thin Node entry; tests call runCli directly.
import {
  generateScenario,
  LANGS,
  parseSeed,
  SCENARIO_FAMILIES,
  TraceFormatError,
  UnknownScenarioError,
  type Difficulty,
  type Lang,
} from '../engine/index';
import { CaptureError, fromPcap, type OpenStream } from './from-pcap';
import { PcapWriteError, toPcap, type WriteFile } from './to-pcap';
import { gradeCommand } from './grade';
import { itemCommand } from './item';
import { langOption, QuestionInputError } from './question-args';
import { writeJson, type Write } from './json-out';
import { replayStream, type ReplaySource } from './replay';
import type { OpenSpill } from './spool';

export interface CliResult {
  code: 0 | 2;
  stdout: string;
  stderr: string;
}

/** Reads a file path, or standard input for "-". Throws with a readable message. */
export type ReadInput = (path: string) => Promise<string>;

/** What the capture commands need beyond text input: byte streams, binary output, streamed stdout. */
export interface CliIo {
  /** Streams a file, or standard input for "-"; throws InputError when it cannot be read. */
  open: OpenStream;
  writeFile: WriteFile;
  /**
   * Writes standard output as a command goes (a returned promise is awaited: backpressure);
   * without it the output is collected in CliResult.
   */
  write?: Write;
  /** A file (or "-") to replay, readable again from the start; without it, read whole as text. */
  replayable?: (path: string) => ReplaySource;
  /** Where output held back goes when it outgrows memory; without it, it stays in memory. */
  spill?: OpenSpill;
}

const NO_IO: CliIo = {
  open: () => {
    throw new InputError('this caller gives the CLI no byte streams');
  },
  writeFile: async () => {
    throw new InputError('this caller gives the CLI no file output');
  },
};

export class UsageError extends Error {}

/** A file that cannot be read: reported in one line, exit 2. */
export class InputError extends Error {}

/** Longest error message printed: a message may quote input, and input can be anything. */
const MAX_MESSAGE = 400;

/**
 * The error contract is one line on stderr, whatever the message holds: line breaks become
 * spaces, control, bidirectional-override and line/paragraph-separator characters are escaped
 * (input quoted in a message must not move the cursor, recolour the terminal or start a new
 * line), and it is cut at MAX_MESSAGE characters.
 */
export function oneLine(message: string): string {
  const flat = message.replace(/\s*\n\s*/g, ' ');
  const safe = flat.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const cut = safe.length > MAX_MESSAGE ? `${safe.slice(0, MAX_MESSAGE)}… (${safe.length - MAX_MESSAGE} more characters)` : safe;
  return `trace: ${cut}\n`;
}

const USAGE =
  'usage: trace replay FILE [--lang en|zh] | trace generate SCENARIO [--seed N] [--difficulty beginner|expert] | trace scenarios | trace from-pcap FILE | trace to-pcap FILE --out OUT.pcap | trace grade FILE --event K --field F --answer JSON [--lang zh] | trace item SPEC [--lang zh]';

interface Parsed {
  positional: string[];
  options: Map<string, string>;
}

function parseArgs(argv: string[], known: readonly string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      // Only the first '=' separates: `--seed=7=9` has the value "7=9" (and is rejected as a seed).
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
      // `--seed 7 --seed 8` is ambiguous (a script that appends an option meant to replace it).
      if (options.has(name)) throw new UsageError(`--${name} is given more than once`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else positional.push(arg);
  }
  return { positional, options };
}

function onePath(p: Parsed, command: string): string {
  if (p.positional.length !== 1) throw new UsageError(`${command} takes one FILE (or - for standard input)`);
  return p.positional[0] as string;
}

function requiredOption(p: Parsed, name: string): string {
  const value = p.options.get(name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

function noPositional(p: Parsed, command: string): Parsed {
  if (p.positional.length > 0) throw new UsageError(`${command} takes no arguments, got "${p.positional[0]}"`);
  return p;
}

/** A UTF-8 byte order mark (Windows editors write one) is not part of the JSON. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** One JSON document on stdout: streamed through io.write when there is one, else collected. */
async function json(value: unknown, io: CliIo): Promise<CliResult> {
  return streamed(io, (write) => writeJson(value, write));
}

async function replay(p: Parsed, read: ReadInput, io: CliIo): Promise<CliResult> {
  const lang = p.options.get('lang') ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
  const path = onePath(p, 'replay');
  const source = io.replayable?.(path) ?? textSource(read, path);
  return streamed(io, (write) => replayStream(source, { lang: lang as Lang, write, spill: io.spill }));
}

/** A caller that can only read whole texts: the text, read once, as a replay source. */
function textSource(read: ReadInput, path: string): ReplaySource {
  let text: Promise<string> | undefined;
  return async function* () {
    text ??= read(path);
    yield await text;
  };
}

function generate(p: Parsed, io: CliIo): Promise<CliResult> {
  if (p.positional.length !== 1) throw new UsageError(`generate takes one SCENARIO: ${SCENARIO_FAMILIES.join(', ')}`);
  const seed = parseSeed(p.options.get('seed') ?? '1');
  if (seed === null) throw new UsageError('--seed must be an integer from 0 to 4294967295');
  const difficulty = p.options.get('difficulty') ?? 'beginner';
  if (difficulty !== 'beginner' && difficulty !== 'expert') throw new UsageError('--difficulty must be beginner or expert');
  return json(generateScenario(p.positional[0] as string, { seed, difficulty: difficulty as Difficulty }), io);
}

async function grade(p: Parsed, read: ReadInput, io: CliIo): Promise<CliResult> {
  const lang = langOption(p.options.get('lang'));
  const traceText = await read(onePath(p, 'grade'));
  return json(gradeCommand({ traceText, event: p.options.get('event'), field: p.options.get('field'), answer: p.options.get('answer'), lang }), io);
}

async function item(p: Parsed, io: CliIo): Promise<CliResult> {
  if (p.positional.length !== 1) throw new UsageError('item takes one SPEC, such as ack.handshake.42.b');
  return json(await itemCommand(p.positional[0], langOption(p.options.get('lang'))), io);
}

/** Runs a command whose output may be long: streamed through io.write when there is one. */
async function streamed(io: CliIo, run: (write: Write) => Promise<void>): Promise<CliResult> {
  const parts: string[] = [];
  await run(
    io.write ??
      ((text) => {
        parts.push(text);
      }),
  );
  return { code: 0, stdout: parts.join(''), stderr: '' };
}

export async function runCli(argv: string[], readRaw: ReadInput, io: CliIo = NO_IO): Promise<CliResult> {
  const [command, ...rest] = argv;
  const read: ReadInput = async (path) => withoutBom(await readRaw(path));
  try {
    switch (command) {
      case 'replay':
        return await replay(parseArgs(rest, ['lang']), read, io);
      case 'generate':
        return await generate(parseArgs(rest, ['seed', 'difficulty']), io);
      case 'scenarios':
        noPositional(parseArgs(rest, []), 'scenarios');
        return { code: 0, stdout: `${SCENARIO_FAMILIES.join('\n')}\n`, stderr: '' };
      case 'from-pcap':
        return await streamed(io, (write) => fromPcap(onePath(parseArgs(rest, []), 'from-pcap'), io.open, write));
      case 'grade':
        return await grade(parseArgs(rest, ['event', 'field', 'answer', 'lang']), read, io);
      case 'item':
        return await item(parseArgs(rest, ['lang']), io);
      case 'to-pcap':
        return await json(await toPcap(requiredOption(parseArgs(rest, ['out']), 'out'), () => read(onePath(parseArgs(rest, ['out']), 'to-pcap')), io.writeFile), io);
      default:
        throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: oneLine(`${e.message}; ${USAGE}`) };
    if (e instanceof TraceFormatError || e instanceof UnknownScenarioError || e instanceof InputError || e instanceof CaptureError || e instanceof PcapWriteError || e instanceof QuestionInputError) {
      return { code: 2, stdout: '', stderr: oneLine(e.message) };
    }
    throw e;
  }
}
