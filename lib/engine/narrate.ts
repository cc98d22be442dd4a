// One sentence per event saying what happened and how the states moved: the narration line a
// sequence diagram reads out (aria-live) as it steps. Pure.
import { explainFinding, type Lang } from './explain/index';
import type { Finding } from './findings';
import type { ArrivalOutcome } from './internal/receive';
import { replayRecords } from './replay';
import { resolveEvents } from './resolve';
import { flagsText } from './segments';
import { otherSide, SIDES, type AppCall, type ResolvedEvent, type Segment, type Side, type StateMove, type StatePair, type Trace } from './types';

interface Words {
  segment: (s: Segment) => string;
  sends: (side: Side, seg: string) => string;
  receives: (side: Side, peer: Side, seg: string) => string;
  lost: (peer: Side, seg: string) => string;
  app: (side: Side, call: AppCall, len?: number) => string;
  retransmitTimer: (side: Side) => string;
  timeWaitTimer: (side: Side) => string;
  checkpoint: (states: Partial<StatePair>) => string;
  moves: (side: Side, to: string) => string;
  outcome: Record<Exclude<ArrivalOutcome, 'accepted' | 'established' | 'syn_received'>, string>;
  error: (explain: string) => string;
  join: (parts: string[]) => string;
}

/** Ends a sentence once, even when its last part (an explanation) already has its full stop. */
function endWith(text: string, stop: string): string {
  return /[.。]$/.test(text) ? text : text + stop;
}

const en: Words = {
  segment: (s) => `${flagsText(s.flags) || '—'} (seq=${s.seq}, ack=${s.ack}, len=${s.len})`,
  sends: (side, seg) => `${side} sends ${seg}`,
  receives: (side, peer, seg) => `${side} receives ${peer}'s ${seg}`,
  lost: (peer, seg) => `${peer}'s ${seg} is lost in the network`,
  app: (side, call, len) => `${side}'s application calls ${call}${len !== undefined ? ` (${len} bytes)` : ''}`,
  retransmitTimer: (side) => `${side}'s retransmission timer fires`,
  timeWaitTimer: (side) => `${side}'s 2MSL timer expires`,
  checkpoint: (s) => `Checkpoint: ${Object.entries(s).map(([k, v]) => `${k} is ${v}`).join(', ')}`,
  moves: (side, to) => `${side} moves to ${to}`,
  outcome: {
    rst_owed: 'it cannot be accepted here, so it is answered with RST',
    ignored: 'it is ignored',
    refused: 'the connection is refused',
    reset: 'the connection is reset',
    challenge_ack: 'it is not exactly where expected, so it is answered with a challenge ACK',
    reset_or_challenge: 'it is in the window but not exactly where expected, so the receiver may reset the connection or answer with a challenge ACK',
    duplicate: 'it repeats what was already received (a retransmission), so it is acknowledged again and otherwise ignored',
    out_of_window: 'it lies outside the receive window, so it is answered with an ACK and otherwise ignored',
    ack_too_far: 'it acknowledges data never sent, so it is answered with an ACK and dropped',
    reopen_offered: 'a new connection on the same ports: it may be accepted from TIME_WAIT with a higher ISN, or answered with an ACK',
  },
  error: (x) => `Error: ${x}`,
  join: (parts) => endWith(parts.join('; '), '.'),
};

const zh: Words = {
  segment: (s) => `${flagsText(s.flags) || '—'}（seq=${s.seq}, ack=${s.ack}, len=${s.len}）`,
  sends: (side, seg) => `${side} 发送 ${seg}`,
  receives: (side, peer, seg) => `${side} 收到 ${peer} 的 ${seg}`,
  lost: (peer, seg) => `${peer} 的 ${seg} 在网络中丢失`,
  app: (side, call, len) => `${side} 的应用调用 ${call}${len !== undefined ? `（${len} 字节）` : ''}`,
  retransmitTimer: (side) => `${side} 的重传计时器超时`,
  timeWaitTimer: (side) => `${side} 的 2MSL 计时器到期`,
  checkpoint: (s) => `检查点：${Object.entries(s).map(([k, v]) => `${k} 处于 ${v}`).join('，')}`,
  moves: (side, to) => `${side} 进入 ${to}`,
  outcome: {
    rst_owed: '此时无法接受它，因此以 RST 回应',
    ignored: '它被忽略',
    refused: '连接被拒绝',
    reset: '连接被复位',
    challenge_ack: '它的位置不完全符合预期，因此以挑战 ACK 回应',
    reset_or_challenge: '它在窗口内但不完全在预期位置，接收方可以复位连接，也可以以挑战 ACK 回应',
    duplicate: '它重复了已经收到的内容（重传），因此再确认一次，不做其他处理',
    out_of_window: '它在接收窗口之外，因此只回一个 ACK，不做其他处理',
    ack_too_far: '它确认了从未发送的数据，因此回一个 ACK 并丢弃',
    reopen_offered: '同一对端口上的新连接：可以在 TIME_WAIT 中以更大的 ISN 接受它，也可以只回一个 ACK',
  },
  error: (x) => `错误：${x}`,
  join: (parts) => endWith(parts.join('；'), '。'),
};

const WORDS: Record<Lang, Words> = { en, zh };

/** Where each endpoint ended up, for those the event moved (a move and its undoing cancel out). */
function stateChanges(w: Words, moves: readonly StateMove[]): string[] {
  return SIDES.flatMap((side) => {
    const own = moves.filter((m) => m.side === side);
    const first = own[0];
    const last = own[own.length - 1];
    return first && last && first.from !== last.to ? [w.moves(side, last.to)] : [];
  });
}

function describe(w: Words, e: ResolvedEvent): string[] {
  switch (e.kind) {
    case 'segment':
      return [w.sends(e.segment.from, w.segment(e.segment)), w.receives(otherSide(e.segment.from), e.segment.from, flagsText(e.segment.flags) || '—')];
    case 'send':
      return [w.sends(e.segment.from, w.segment(e.segment))];
    case 'deliver':
      if (!e.segment) return [];
      return [w.receives(otherSide(e.segment.from), e.segment.from, w.segment(e.segment))];
    case 'drop':
      return e.segment ? [w.lost(e.segment.from, w.segment(e.segment))] : [];
    case 'app':
      return [w.app(e.at, e.call, e.len)];
    case 'timeout':
      return [e.timer === 'retransmit' ? w.retransmitTimer(e.at) : w.timeWaitTimer(e.at)];
    case 'expect':
      return [w.checkpoint(e.states)];
  }
}

/** What an event did, as replay and `step` report it. */
export interface StepOutcome {
  finding: Finding | null;
  outcome: ArrivalOutcome | null;
  moves: readonly StateMove[];
}

/** The narration sentence of one event from what it did. Pure. */
export function narrateStep(event: ResolvedEvent, did: StepOutcome, lang: Lang): string {
  const w = WORDS[lang];
  const parts = describe(w, event);
  if (did.outcome && did.outcome !== 'accepted' && did.outcome !== 'established' && did.outcome !== 'syn_received') {
    parts.push(w.outcome[did.outcome]);
  }
  if (event.kind !== 'expect') parts.push(...stateChanges(w, did.moves));
  if (did.finding) parts.push(w.error(explainFinding(did.finding, lang)));
  return w.join(parts);
}

/** One narration sentence per event of a parsed trace. Pure. */
export function narrateTrace(trace: Trace, lang: Lang): string[] {
  const resolved = resolveEvents(trace);
  return replayRecords(trace).map((r, i) => narrateStep(resolved[i] as ResolvedEvent, r, lang));
}
