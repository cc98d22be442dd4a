import { sum, type MessageTable } from './format';

const WRAP = '（模 2^32，序号回绕）';

/** 中文解释：一句话，说出规则和数字。 */
export const zh: MessageTable = {
  SYN_AFTER_SYNCHRONIZED: (p) => `${p.side} 处于 ${p.state}：它的 SYN 早已发送并被确认，已同步的连接上不会再发 SYN，所以它的报文段不再带 SYN。`,
  SYN_WITH_FIN: (p) => `${p.side} 不能在同一个报文段里既建立又关闭连接：SYN 和 FIN 不会同时出现。`,
  SYN_REQUIRED: (p) => `${p.side} 处于 ${p.state}，还没收到 ${p.peer} 的 SYN，所以它只能发送自己的 SYN。`,
  SYNACK_REQUIRED: (p) => `${p.side} 已收到 ${p.peer} 的 SYN 但还没发出自己的 SYN：下一个报文段是 SYN,ACK，既送出自己的 ISN，也确认 ${p.peer} 的 SYN。`,
  ACK_FLAG_REQUIRED: (p) => `${p.side} 已收到 ${p.peer} 的 SYN，必须确认它以及此后收到的一切：从此 ${p.side} 发出的每个报文段都置 ACK 标志，ack = RCV.NXT = ${p.rcvNxt}。`,
  ACK_FLAG_BEFORE_PEER_SYN: (p) => `${p.side} 还没收到 ${p.peer} 的任何 SYN，没有可确认的东西：ACK 标志不置位，确认号为 0。`,
  FIN_AFTER_OWN_FIN: (p) => `${p.side} 已经发过 FIN：一个方向只关闭一次。`,
  FIN_REQUIRED: (p) => `${p.side} 的应用已调用 close，且没有数据要发了，所以下一个报文段要带 FIN。`,
  RST_WITHOUT_ABORT: (p) => `${p.side} 的应用没有中止（abort）连接，而活动连接上的 RST 只在中止时发送。`,
  RST_WITH_SYN_OR_FIN: (p) => `${p.side} 的 RST 单独发送：复位从不与 SYN 或 FIN 同时出现。`,
  RST_NOTHING_TO_RESET: (p) => `${p.side} 处于 ${p.state}，没有可复位的东西：RST 只用于回应无法接受的报文段，或中止（abort）一个活动连接。`,
  RST_ANSWER_ACK_FLAG: (p, f) =>
    f.expected instanceof Array && f.expected.includes('ACK')
      ? `${p.side} 回应的报文段不带 ACK，所以 RST 要确认它：标志位 RST,ACK，seq = 0，ack = ${sum(p.causeSeq, p.causeSpan, WRAP)}（RFC 9293 3.10.7.1）。`
      : `${p.side} 回应的报文段带有 ACK ${p.causeAck}，所以 RST 以该确认号为序号，且不带 ACK 标志：标志位 RST，seq = ${p.causeAck}，ack = 0（RFC 9293 3.10.7.1）。`,
  CLOSED_SENDS_NOTHING: (p) => `${p.side} 处于 CLOSED：没有连接，只能用 SYN 发起连接，或用 RST 回应到达的报文段。`,
  LISTEN_SENDS_NOTHING: (p) => `${p.side} 处于 LISTEN：在收到 SYN 之前它什么都不发（收到孤立的 ACK 会回 RST）。`,
  SEQ_AFTER_SYN: (p) =>
    p.len === '0'
      ? `${p.side} 的 SYN（seq = ${p.seq}）消耗一个序号，所以它的下一个报文段 seq = ${sum(p.seq, 1, WRAP)}。`
      : `${p.side} 的 SYN（seq = ${p.seq}）消耗一个序号，它携带的 ${p.len} 字节数据再占 ${p.len} 个，所以它的下一个报文段 seq = ${sum(p.seq, 1 + Number(p.len), WRAP)}。`,
  SEQ_AFTER_DATA: (p) => `${p.side} 上一个携带数据的报文段从 seq ${p.seq} 开始、携带 ${p.len} 字节（不带数据、SYN 或 FIN 的报文段不占序号），所以下一个报文段从 SND.NXT = ${sum(p.seq, p.len, WRAP)} 开始。`,
  SEQ_AFTER_FIN: (p) => `${p.side} 的 FIN（seq = ${p.seq}）消耗一个序号，所以它的下一个报文段 seq = ${sum(p.seq, 1, WRAP)}。`,
  SEQ_SYN_RETRANSMIT: (p) => `重传的 SYN 与原来的一样：${p.side} 的 ISN 是 ${p.iss}，所以 seq = ${p.iss}。`,
  SEQ_FIN_RETRANSMIT: (p) =>
    p.len === '0'
      ? `重传保持原来的 seq：${p.side} 的 FIN 第一次在 seq ${p.finSeq} 发出，重传时仍是 seq ${p.finSeq}。`
      : `重传保持原来的 seq：${p.side} 的 FIN 在 ${p.finSeq}，带 ${p.len} 字节数据的重传 FIN 从 ${p.finSeq} - ${p.len} 开始。`,
  SEQ_RST_ANSWER: (p) => `${p.side} 回应的报文段确认号是 ${p.causeAck}，所以 RST 的序号就取这个值：seq = ${p.causeAck}（RFC 9293 3.10.7.1）。`,
  SEQ_RST_ANSWER_ZERO: (p) => `${p.side} 回应的报文段不带 ACK，所以 RST 的 seq = 0，并改为确认该报文段（RFC 9293 3.10.7.1）。`,
  SEQ_RST_ABORT: (p) => `中止连接的 RST 从 SND.NXT 发出：${p.side} 的下一个序号是 ${p.expected}。`,
  SEQ_REOPEN_ISS: (p) => `${p.side} 从 TIME_WAIT 重新接受连接时，新的 ISN 必须大于旧连接用过的所有序号（RFC 1122 4.2.2.13）：至少为 ${p.expected}。`,
  ACK_OF_SYN: (p) => `${p.side} 必须确认 ${p.peer} 的 SYN：SYN 消耗一个序号，所以 ack = ${sum(p.seq, 1, WRAP)}。`,
  ACK_OF_DATA: (p) => `${p.side} 确认按序收到的所有字节：${p.peer} 的数据从 seq ${p.seq} 开始、共 ${p.len} 字节，所以 ack = ${sum(p.seq, p.len, WRAP)}。`,
  ACK_WITH_GAP: (p) => `${p.side} 仍缺少 ${p.peer} 从 ${p.expected} 起的字节：缺口之后到达的数据（从 seq ${p.held} 起）会被保存，但确认号指的是第一个缺失的字节，所以 ${p.side} 一再回复 ack = RCV.NXT = ${p.expected}（重复确认），直到缺口被填上。`,
  ACK_OF_FIN: (p) => `${p.side} 必须确认 ${p.peer} 的 FIN：FIN 消耗一个序号，所以 ack = ${sum(p.seq, 1, WRAP)}。`,
  ACK_ZERO_WITHOUT_FLAG: (p) => `没有 ACK 标志时确认号无意义，${p.side} 应填 0。`,
  ACK_RST_ANSWER: (p) => `RST 确认它所回应的报文段：seq ${p.causeSeq} 加上其长度 ${p.causeSpan}（SYN 或 FIN 各算 1），所以 ack = ${sum(p.causeSeq, p.causeSpan, WRAP)}。`,
  DATA_AFTER_OWN_FIN: (p) => `${p.side} 已在 seq ${p.finSeq} 发出 FIN：自己的 FIN 之后不能再发数据，所以 len = 0。`,
  DATA_BEFORE_ESTABLISHED: (p) => `${p.side} 处于 ${p.state}：除了随 SYN 或 SYN,ACK 携带的数据，连接进入 ESTABLISHED 之后才发送数据，所以 len = 0。`,
  RETRANSMIT_BEYOND_SENT: (p) => `重传只重复已发送过的字节：${p.side} 已发送到 ${p.limit}，从 ${p.seq} 开始的报文段最多携带 ${p.limit} - ${p.seq} 字节。`,
  RST_WITH_DATA: (p) => `${p.side} 的 RST 不携带数据：len = 0。`,
  STATE_MISMATCH: (p) => `此时 ${p.side} 处于 ${p.expected}，而不是 ${p.got}。`,
  UNKNOWN_SEGMENT_ID: (p) => `没有发送过 id 为 "${p.id}" 的报文段，它无法到达也无法丢失。`,
  DUPLICATE_SEGMENT_ID: (p) => `id "${p.id}" 已用于先前发送的报文段；每个发送的报文段需要自己的 id。`,
  SEGMENT_NOT_IN_FLIGHT: (p) => `报文段 "${p.id}" 已经${p.status === 'delivered' ? '到达' : '丢失'}；一个报文段只能到达或丢失一次。`,
  RETRANSMIT_TIMER_NOT_RUNNING: (p) => `${p.side} 没有未被确认的数据在途，重传计时器并未运行。`,
  TIME_WAIT_TIMER_NOT_RUNNING: (p) => `2MSL 计时器只在 TIME_WAIT 中运行，而 ${p.side} 处于 ${p.state}。`,
  APP_CALL_NO_CONNECTION: (p) => `${p.side} 处于 ${p.state}：没有可供 ${p.call} 操作的连接。`,
  APP_CALL_CONNECTION_EXISTS: (p) => `${p.side} 处于 ${p.state}：${p.call} 需要端点处于 CLOSED（连接已存在）。`,
  APP_CALL_CONNECTION_CLOSING: (p) => `${p.side} 处于 ${p.state}：它已关闭发送方向，${p.call} 被拒绝（"connection closing"）。`,
  SEQ_ISN_FREE: (p) => `SYN 以 ${p.side} 自己选择的初始序号（ISN）开启它这个方向：任何 ISN 都对，对端确认时加 1。`,
  SEQ_DATA_RETRANSMIT: (p) => `重传重复已发送但尚未被确认的字节，从第一个未被确认的字节 SND.UNA = ${p.una} 开始：它的 seq 落在 [SND.UNA, SND.NXT) = [${p.una}, ${p.nxt}) 之内。`,
  SEQ_RETRANSMIT_UNA: (p) => `这个报文段重传丢失的字节：重传沿用第一个尚未被确认的字节的序号，即 SND.UNA = ${p.una}，无论 SND.NXT（${p.nxt}）已经前进到哪里。`,
  SEQ_KEEPALIVE: (p) => `空闲连接上的保活探测重复最后一个已被确认的字节：seq = SND.NXT - 1 = ${p.expected}（RFC 9293 3.8.4）。`,
  SYNACK_SIMULTANEOUS: (p) => `同时打开时，${p.side} 用 SYN,ACK 回应 ${p.peer} 的 SYN：重复自己的 SYN（seq = ISS = ${p.iss}），并确认 ${p.peer} 的 SYN（RFC 9293 图 7）。`,
  FIN_CLOSES: (p) => `FIN 表示 ${p.side} 的应用已关闭发送方向（调用了 close 或 shutdown，无论跟踪是否显示）；和收到 ${p.peer} 的 SYN 之后的每个报文段一样，它带 ACK。`,
  RST_ABORT: (p) => `${p.side} 的应用中止（abort）连接：在 SND.NXT = ${p.expected} 发出一个 RST，可带可不带 ACK（带 ACK 时 ack = RCV.NXT），连接立即消失（RFC 9293 3.10.5）。`,
  LEN_ANY: (p) => `${p.side} 此时可以发送新数据：一个报文段携带多少新字节由 ${p.side} 决定，只要在对端窗口之内。`,
};
