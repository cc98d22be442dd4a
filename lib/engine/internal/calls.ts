// Application calls (RFC 9293 section 3.10.1-3.10.5) and timer expiries (3.10.8).
// Each returns a Finding when the call or timer cannot happen in the endpoint's state.
import { clearConnection, setState, type Endpoint, type MoveLog } from './endpoint';
import { findingOf, type Finding } from '../findings';
import { otherSide, type AppCall, type TimerName } from '../types';

type CallCode = 'RETRANSMIT_TIMER_NOT_RUNNING' | 'TIME_WAIT_TIMER_NOT_RUNNING' | 'APP_CALL_NO_CONNECTION' | 'APP_CALL_CONNECTION_EXISTS' | 'APP_CALL_CONNECTION_CLOSING';

function eventFinding(e: Endpoint, code: CallCode, got: AppCall | TimerName): Finding {
  return findingOf(code, 'event', null, got, { side: e.side, peer: otherSide(e.side), state: e.state, call: got });
}

/** States in which this endpoint has already begun closing its direction. */
function closingOrClosed(e: Endpoint): boolean {
  return e.finSeq !== null || e.finOwed || e.state === 'TIME_WAIT' || e.state === 'CLOSING' || e.state === 'LAST_ACK' || e.state === 'FIN_WAIT_2';
}

export function applyAppCall(e: Endpoint, call: AppCall, log: MoveLog): Finding | null {
  switch (call) {
    case 'listen':
      if (e.state === 'LISTEN') return null; // a server trace may show the listen call it starts with
      if (e.state !== 'CLOSED') return eventFinding(e, 'APP_CALL_CONNECTION_EXISTS', call);
      clearConnection(e, 'LISTEN', log);
      return null;
    case 'connect':
      // OPEN (active) in CLOSED, or in LISTEN turning the passive open active (3.10.1).
      if (e.state !== 'CLOSED' && e.state !== 'LISTEN') return eventFinding(e, 'APP_CALL_CONNECTION_EXISTS', call);
      clearConnection(e, 'CLOSED', log);
      setState(e, 'SYN_SENT', log);
      return null;
    case 'send':
      if (e.state === 'CLOSED' || e.state === 'LISTEN') return eventFinding(e, 'APP_CALL_NO_CONNECTION', call);
      if (closingOrClosed(e)) return eventFinding(e, 'APP_CALL_CONNECTION_CLOSING', call);
      return null;
    case 'shutdown':
    case 'close':
      return applyClose(e, call, log);
    case 'abort':
      return applyAbort(e, call, log);
  }
}

function applyClose(e: Endpoint, call: AppCall, log: MoveLog): Finding | null {
  if (call === 'close' && e.state !== 'CLOSED') e.appClosed = true;
  switch (e.state) {
    case 'CLOSED':
      return eventFinding(e, 'APP_CALL_NO_CONNECTION', call);
    case 'LISTEN':
    case 'SYN_SENT':
      clearConnection(e, 'CLOSED', log); // 3.10.4: delete the TCB, nothing to send
      return null;
    case 'SYN_RECEIVED':
    case 'ESTABLISHED':
      if (e.finOwed) return null;
      e.finOwed = true;
      setState(e, 'FIN_WAIT_1', log);
      return null;
    case 'CLOSE_WAIT':
      e.finOwed = true;
      setState(e, 'LAST_ACK', log);
      return null;
    default:
      // Closing again (close after shutdown) changes nothing: the FIN is already on its way.
      return null;
  }
}

function applyAbort(e: Endpoint, call: AppCall, log: MoveLog): Finding | null {
  switch (e.state) {
    case 'CLOSED':
      return eventFinding(e, 'APP_CALL_NO_CONNECTION', call);
    case 'SYN_RECEIVED':
    case 'ESTABLISHED':
    case 'FIN_WAIT_1':
    case 'FIN_WAIT_2':
    case 'CLOSE_WAIT': {
      // 3.10.5: send a reset <SEQ=SND.NXT><CTL=RST>, delete the TCB, enter CLOSED.
      const owed = e.iss !== null ? { seq: e.sndNxt, ack: e.rcvNxt, last: e.lastReceived } : null;
      clearConnection(e, 'CLOSED', log);
      e.abortReset = owed;
      return null;
    }
    default:
      // LISTEN, SYN-SENT, CLOSING, LAST-ACK, TIME-WAIT: delete the TCB without a reset.
      clearConnection(e, 'CLOSED', log);
      return null;
  }
}

export function applyTimeout(e: Endpoint, timer: TimerName, log: MoveLog): Finding | null {
  if (timer === 'time_wait') {
    if (e.state !== 'TIME_WAIT') return eventFinding(e, 'TIME_WAIT_TIMER_NOT_RUNNING', timer);
    clearConnection(e, 'CLOSED', log); // 3.10.8: the 2MSL timer deletes the TCB
    return null;
  }
  const outstanding = e.iss !== null && e.sndUna !== e.sndNxt;
  if (!outstanding || e.state === 'TIME_WAIT') return eventFinding(e, 'RETRANSMIT_TIMER_NOT_RUNNING', timer);
  return null;
}

