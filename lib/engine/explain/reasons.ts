// Why an endpoint is in the state it is in: the reason of its last state change, in each
// language. It completes a state answer's feedback ("A is in TIME_WAIT, not CLOSED: the side that
// sent the first FIN waits 2MSL ...") and confirms a right one with that side's own transition.
import type { StateMove, TcpState } from '../types';
import type { Lang } from './format';

type Reason =
  | Exclude<TcpState, 'CLOSED'>
  | 'INITIAL_CLOSED'
  | 'INITIAL_LISTEN'
  | 'CLOSED_2MSL'
  | 'CLOSED_LAST_ACK'
  | 'CLOSED_OTHER'
  | 'LISTEN_BACK'
  | 'SYN_RECEIVED_SIMULTANEOUS'
  | 'TIME_WAIT_SIMULTANEOUS';

function reasonOf(state: TcpState, move: StateMove | null): Reason {
  if (!move) return state === 'LISTEN' ? 'INITIAL_LISTEN' : state === 'CLOSED' ? 'INITIAL_CLOSED' : (state as Reason);
  if (move.to === 'CLOSED') return move.from === 'TIME_WAIT' ? 'CLOSED_2MSL' : move.from === 'LAST_ACK' ? 'CLOSED_LAST_ACK' : 'CLOSED_OTHER';
  if (move.to === 'LISTEN' && move.from !== 'CLOSED') return 'LISTEN_BACK';
  if (move.to === 'SYN_RECEIVED' && move.from === 'SYN_SENT') return 'SYN_RECEIVED_SIMULTANEOUS';
  if (move.to === 'TIME_WAIT' && move.from === 'CLOSING') return 'TIME_WAIT_SIMULTANEOUS';
  return move.to as Reason;
}

const EN: Record<Reason, string> = {
  INITIAL_CLOSED: 'nothing has opened a connection on it yet',
  INITIAL_LISTEN: 'a server listens from the start, waiting for a SYN',
  LISTEN: 'its application listens: it waits for a SYN',
  LISTEN_BACK: 'a passive open that was reset (or met a new SYN) goes back to LISTEN',
  SYN_SENT: 'it sent its SYN (an active open) and waits for the SYN,ACK',
  SYN_RECEIVED: "it received the peer's SYN and answers with a SYN,ACK; it waits for the ACK of its own SYN",
  SYN_RECEIVED_SIMULTANEOUS: "in a simultaneous open it received the peer's SYN while waiting for a SYN,ACK",
  ESTABLISHED: 'its SYN has been acknowledged and it has the peer\'s SYN: both directions are open',
  FIN_WAIT_1: 'its application closed first: it sent its FIN and waits for it to be acknowledged',
  FIN_WAIT_2: "its FIN was acknowledged: it waits for the peer's FIN",
  CLOSE_WAIT: "the peer's FIN arrived: the peer has closed its direction, and this side may still send until its application closes",
  CLOSING: "in a simultaneous close the peer's FIN arrived before its own FIN was acknowledged",
  LAST_ACK: 'it closed after the peer did: it sent its FIN and waits for the last ACK',
  TIME_WAIT: "the side that sent the first FIN waits 2MSL in TIME_WAIT after acknowledging the peer's FIN, in case that last ACK is lost",
  TIME_WAIT_SIMULTANEOUS: "in a simultaneous close both sides sent their FIN first, so both wait 2MSL in TIME_WAIT once their FIN is acknowledged, in case the last ACK is lost",
  CLOSED_2MSL: 'the 2MSL timer expired: TIME_WAIT is over',
  CLOSED_LAST_ACK: 'its FIN was acknowledged: the side that closed second is done at once, with no TIME_WAIT',
  CLOSED_OTHER: 'the connection was reset, refused, aborted or closed before it was established',
};

const ZH: Record<Reason, string> = {
  INITIAL_CLOSED: '它上面还没有打开任何连接',
  INITIAL_LISTEN: '服务器一开始就在监听，等待 SYN',
  LISTEN: '它的应用调用了 listen：它在等待 SYN',
  LISTEN_BACK: '被动打开的连接被复位（或遇到新的 SYN）后回到 LISTEN',
  SYN_SENT: '它发出了自己的 SYN（主动打开），正在等待 SYN,ACK',
  SYN_RECEIVED: '它收到了对方的 SYN 并以 SYN,ACK 回应，正在等待对自己 SYN 的确认',
  SYN_RECEIVED_SIMULTANEOUS: '同时打开时，它在等待 SYN,ACK 期间收到了对方的 SYN',
  ESTABLISHED: '它的 SYN 已被确认，也收到了对方的 SYN：两个方向都已打开',
  FIN_WAIT_1: '它的应用先关闭：它发出了 FIN，正在等待对它的确认',
  FIN_WAIT_2: '它的 FIN 已被确认：它在等待对方的 FIN',
  CLOSE_WAIT: '对方的 FIN 到达：对方已关闭它的方向，这一方在自己的应用关闭之前仍可发送',
  CLOSING: '同时关闭时，对方的 FIN 在自己的 FIN 被确认之前到达',
  LAST_ACK: '它在对方之后关闭：它发出了 FIN，正在等待最后的 ACK',
  TIME_WAIT: '先发送 FIN 的一方在确认对方的 FIN 之后要在 TIME_WAIT 中等待 2MSL，以防最后的 ACK 丢失',
  TIME_WAIT_SIMULTANEOUS: '同时关闭时双方都先发送了自己的 FIN，所以双方在各自的 FIN 被确认后都要在 TIME_WAIT 中等待 2MSL，以防最后的 ACK 丢失',
  CLOSED_2MSL: '2MSL 计时器到期：TIME_WAIT 结束',
  CLOSED_LAST_ACK: '它的 FIN 已被确认：后关闭的一方立即结束，不经过 TIME_WAIT',
  CLOSED_OTHER: '连接被复位、被拒绝、被中止，或在建立之前被关闭',
};

const TABLES: Record<Lang, Record<Reason, string>> = { en: EN, zh: ZH };

/**
 * The rule that puts an endpoint in `state` after `lastMove`, as a code (`STATE_CLOSING`,
 * `STATE_CLOSED_LAST_ACK`, ...): what `grade` names as the rule that makes a right state answer right. Pure.
 */
export function stateRuleCode(state: TcpState, lastMove: StateMove | null): string {
  return `STATE_${reasonOf(state, lastMove)}`;
}

/** Why an endpoint is in `state`, given the last move that brought it there (null: never moved). Pure. */
export function stateReason(state: TcpState, lastMove: StateMove | null, lang: Lang): string {
  return TABLES[lang][reasonOf(state, lastMove)];
}

/**
 * The hint for a wrong state when the side has not changed state since the trace began: "follow
 * its last segments" would point at segments that are not there. Pure.
 */
export function unmovedStateHint(side: string, lang: Lang): string {
  return lang === 'zh'
    ? `${side} 从一开始就没有改变过状态：它的角色让它从哪个状态开始？（服务器一开始就在 LISTEN，客户端从 CLOSED 开始。）`
    : `${side} has not changed state since the start: which state does its role begin in? (A server starts in LISTEN, a client in CLOSED.)`;
}
