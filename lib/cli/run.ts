// The `trace` CLI as a function: arguments and a way to read input in, the text to print and
// the exit code out. main.ts is the thin Node entry; tests call runCli directly.
import {
  generateScenario,
  LANGS,
  parseTrace,
  replayTrace,
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
  /** Writes standard output as a command goes; without it the output is collected in CliResult. */
  write?: (text: string) => void;
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

/** The error contract is one line on stderr, whatever the underlying message holds. */
function oneLine(message: string): string {
  return `trace: ${message.replace(/\s*\n\s*/g, ' ')}\n`;
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
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
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

function json(value: unknown): CliResult {
  return { code: 0, stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: '' };
}

async function replay(p: Parsed, read: ReadInput): Promise<CliResult> {
  const lang = p.options.get('lang') ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
  const text = await read(onePath(p, 'replay'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new TraceFormatError('$', `not JSON (${(e as Error).message})`);
  }
  return json(replayTrace(parseTrace(data), { lang: lang as Lang }));
}

function generate(p: Parsed): CliResult {
  if (p.positional.length !== 1) throw new UsageError(`generate takes one SCENARIO: ${SCENARIO_FAMILIES.join(', ')}`);
  const seedText = p.options.get('seed') ?? '1';
  if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffff_ffff) throw new UsageError('--seed must be an integer from 0 to 4294967295');
  const difficulty = p.options.get('difficulty') ?? 'beginner';
  if (difficulty !== 'beginner' && difficulty !== 'expert') throw new UsageError('--difficulty must be beginner or expert');
  return json(generateScenario(p.positional[0] as string, { seed: Number(seedText), difficulty: difficulty as Difficulty }));
}

async function grade(p: Parsed, read: ReadInput): Promise<CliResult> {
  const lang = langOption(p.options.get('lang'));
  const traceText = await read(onePath(p, 'grade'));
  return json(gradeCommand({ traceText, event: p.options.get('event'), field: p.options.get('field'), answer: p.options.get('answer'), lang }));
}

async function item(p: Parsed): Promise<CliResult> {
  if (p.positional.length !== 1) throw new UsageError('item takes one SPEC, such as ack.handshake.42.b');
  return json(await itemCommand(p.positional[0], langOption(p.options.get('lang'))));
}

/** Runs a command whose output may be long: streamed through io.write when there is one. */
async function streamed(io: CliIo, run: (write: (text: string) => void) => Promise<void>): Promise<CliResult> {
  const parts: string[] = [];
  await run(io.write ?? ((text) => parts.push(text)));
  return { code: 0, stdout: parts.join(''), stderr: '' };
}

export async function runCli(argv: string[], read: ReadInput, io: CliIo = NO_IO): Promise<CliResult> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'replay':
        return await replay(parseArgs(rest, ['lang']), read);
      case 'generate':
        return generate(parseArgs(rest, ['seed', 'difficulty']));
      case 'scenarios':
        parseArgs(rest, []);
        return { code: 0, stdout: `${SCENARIO_FAMILIES.join('\n')}\n`, stderr: '' };
      case 'from-pcap':
        return await streamed(io, (write) => fromPcap(onePath(parseArgs(rest, []), 'from-pcap'), io.open, write));
      case 'grade':
        return await grade(parseArgs(rest, ['event', 'field', 'answer', 'lang']), read);
      case 'item':
        return await item(parseArgs(rest, ['lang']));
      case 'to-pcap':
        return json(await toPcap(requiredOption(parseArgs(rest, ['out']), 'out'), () => read(onePath(parseArgs(rest, ['out']), 'to-pcap')), io.writeFile));
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
