// A byte count put into words, in English and Chinese: the hint names the rule without the
// numbers (the first wrong try), the explanation works the count out with them. Pure.
import type { Lang } from '../engine/index';
import { byteAnswer, type ByteAsk, type ByteQuestion } from './byte-count';

interface Numbers {
  side: string;
  peer: string;
  from: number;
  /** The first data byte: ISN + 1 after a SYN, else the gap's first byte. */
  start: number;
  to: number;
  n: number;
  /** Said after the subtraction when it crosses 2^32. */
  wrap: string;
}

const WRAP: Record<Lang, string> = { en: ' (modulo 2^32: the numbers wrapped)', zh: '（模 2^32，序号回绕）' };

type Words = Record<ByteAsk, (x: Numbers) => string>;

const EXPLAIN: Record<Lang, Words> = {
  en: {
    span: (x) =>
      `${x.side}'s SYN takes seq ${x.from} and carries no data, so its first data byte is ${x.from} + 1 = ${x.start}; its FIN takes seq ${x.to}, the number right after its last data byte. The data is ${x.to} − ${x.start} = ${x.n} bytes${x.wrap}.`,
    acked: (x) =>
      `ack = ${x.to} is the next byte ${x.peer} expects from ${x.side}. ${x.side}'s data starts at ISN + 1 = ${x.start} (its SYN took ${x.from}), so ${x.peer} has received ${x.to} − ${x.start} = ${x.n} bytes of it${x.wrap}.`,
    retransmit: (x) =>
      `${x.peer}'s ACKs repeat ack = ${x.from}: the bytes from ${x.from} on are missing, and ${x.peer} already holds the bytes from ${x.to} on. Only the gap is sent again, ${x.to} − ${x.from} = ${x.n} bytes${x.wrap}; the cumulative ACK that follows covers what ${x.peer} held.`,
  },
  zh: {
    span: (x) =>
      `${x.side} 的 SYN 占用序号 ${x.from}，不携带数据，所以它的第一个数据字节是 ${x.from} + 1 = ${x.start}；FIN 的 seq = ${x.to}，紧跟在最后一个数据字节之后。数据共 ${x.to} − ${x.start} = ${x.n} 字节${x.wrap}。`,
    acked: (x) =>
      `ack = ${x.to} 是 ${x.peer} 期望从 ${x.side} 收到的下一个字节。${x.side} 的数据从 ISN + 1 = ${x.start} 开始（SYN 占用了 ${x.from}），所以 ${x.peer} 已收到其中 ${x.to} − ${x.start} = ${x.n} 字节${x.wrap}。`,
    retransmit: (x) =>
      `${x.peer} 的 ACK 一再重复 ack = ${x.from}：从 ${x.from} 起的字节缺失，而从 ${x.to} 起的字节 ${x.peer} 已经收到。只需重传这个缺口：${x.to} − ${x.from} = ${x.n} 字节${x.wrap}；随后的累积确认会覆盖 ${x.peer} 已保存的部分。`,
  },
};

const HINT: Record<Lang, Record<ByteAsk, string>> = {
  en: {
    span: 'A SYN and a FIN each take one sequence number but carry no data: count from the byte after the SYN up to the FIN’s seq.',
    acked: 'ack names the next byte expected, and the SYN took one number of its own: the data received runs from ISN + 1 up to, not including, ack.',
    retransmit: 'The repeated ack is the first missing byte, and the receiver keeps what arrived after the gap: only the gap is sent again.',
  },
  zh: {
    span: 'SYN 和 FIN 各占一个序号，但都不携带数据：从 SYN 之后的那个字节数到 FIN 的 seq 为止。',
    acked: 'ack 是期望收到的下一个字节，SYN 自己占用一个序号：已收到的数据从 ISN + 1 到 ack 之前为止。',
    retransmit: '重复的 ack 就是第一个缺失的字节，接收方会保存缺口之后到达的数据：只需重传缺口。',
  },
};

function numbersOf(q: ByteQuestion, lang: Lang): Numbers {
  // Plain numbers as the segments show them: a count that runs past 2^32 has `to` below `start`.
  const start = q.ask === 'retransmit' ? q.from : (q.from + 1) % 0x1_0000_0000;
  return { side: q.side, peer: q.side === 'A' ? 'B' : 'A', from: q.from, start, to: q.to, n: byteAnswer(q), wrap: q.to < start ? WRAP[lang] : '' };
}

/** The count worked out with its numbers. Pure. */
export function explainBytes(q: ByteQuestion, lang: Lang): string {
  return EXPLAIN[lang][q.ask](numbersOf(q, lang));
}

/** The rule to apply, without the numbers. Pure. */
export function hintBytes(q: ByteQuestion, lang: Lang): string {
  return HINT[lang][q.ask];
}
