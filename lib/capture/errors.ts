// What can go wrong while reading a capture, as data. Damage after some packets is reported
// beside the traces read so far; a file that never yields a packet is a CaptureError (the CLI's
// exit 2). Each problem is a reason (a code and its numbers) with its English sentence: the CLI
// prints the sentence, as the contract's `message`; the page words the reason in the learner's
// language. Pure.

/** Why the reader stopped or skipped, with the numbers a sentence about it needs. */
export type CaptureReason =
  | { code: 'empty' }
  | { code: 'too-short'; bytes: number }
  | { code: 'not-a-capture'; start: string }
  | { code: 'pcap-header-cut'; bytes: number }
  | { code: 'pcap-version'; version: string }
  | { code: 'ends-inside-packet'; packet: number; have: number; need: number }
  | { code: 'ends-inside-block'; offset: number; have: number; need: number }
  | { code: 'record-too-large'; packet: number; bytes: number }
  | { code: 'no-byte-order'; offset: number; found: string }
  | { code: 'block-length'; offset: number; length: number }
  | { code: 'block-trailer'; offset: number; length: number; trailer: number }
  | { code: 'section-version'; offset: number; version: number }
  | { code: 'interface-short'; offset: number }
  | { code: 'block-short'; packet: number }
  | { code: 'unknown-interface'; packet: number; iface: number }
  | { code: 'no-interface'; packet: number }
  | { code: 'block-overrun'; packet: number; claimed: number; holds: number }
  | { code: 'unsupported-link'; packet: number; linkType: number; supported: string };

export type CaptureReasonCode = CaptureReason['code'];

type Sentences = { [C in CaptureReasonCode]: (r: Extract<CaptureReason, { code: C }>) => string };

/** The English sentence of each reason (the CLI's wording; the contract keeps it English). */
const ENGLISH: Sentences = {
  empty: () => 'the file is empty: not a pcap or pcapng capture',
  'too-short': (r) => `not a pcap or pcapng capture (it is only ${r.bytes} bytes long)`,
  'not-a-capture': (r) => `not a pcap or pcapng capture (it starts with ${r.start})`,
  'pcap-header-cut': (r) => `the pcap file header is cut off (${r.bytes} of 24 bytes)`,
  'pcap-version': (r) => `unsupported pcap version ${r.version}`,
  'ends-inside-packet': (r) => `the file ends inside packet ${r.packet}: ${r.have} bytes of it are there, ${r.need} are needed`,
  'ends-inside-block': (r) => `the file ends inside the block at offset ${r.offset}: ${r.have} bytes of it are there, ${r.need} are needed`,
  'record-too-large': (r) => `packet ${r.packet}: its record claims ${r.bytes} captured bytes, more than any packet holds, so the file is corrupt here`,
  'no-byte-order': (r) => `the section header at offset ${r.offset} has no byte-order magic (${r.found})`,
  'block-length': (r) => `the block at offset ${r.offset} has an impossible length (${r.length} bytes)`,
  'block-trailer': (r) => `the block at offset ${r.offset} is damaged: it starts with length ${r.length} and ends with ${r.trailer}`,
  'section-version': (r) => `the section header at offset ${r.offset} has unsupported version ${r.version}`,
  'interface-short': (r) => `the interface description at offset ${r.offset} is too short`,
  'block-short': (r) => `packet ${r.packet}: its block is too short`,
  'unknown-interface': (r) => `packet ${r.packet} names interface ${r.iface}, which its section does not describe`,
  'no-interface': (r) => `packet ${r.packet} is a simple packet block, but its section describes no interface`,
  'block-overrun': (r) => `packet ${r.packet}: its block claims ${r.claimed} captured bytes but holds ${r.holds}`,
  'unsupported-link': (r) => `packet ${r.packet}: link type ${r.linkType} is not supported (supported: ${r.supported}); its packets are skipped`,
};

/** Every reason code, for the check that each has its wording in every language. */
export const CAPTURE_REASON_CODES = Object.keys(ENGLISH) as CaptureReasonCode[];

export function reasonText(reason: CaptureReason): string {
  return (ENGLISH[reason.code] as (r: CaptureReason) => string)(reason);
}

/** One problem found in a capture: the packet number (1-based, as Wireshark counts) and byte offset. */
export interface CaptureDamage {
  packet: number;
  offset: number;
  message: string;
  reason: CaptureReason;
}

/** The capture cannot be read at all: not a capture, or broken before its first packet. */
export class CaptureError extends Error {
  constructor(
    readonly reason: CaptureReason,
    readonly offset: number,
  ) {
    super(`cannot read this capture: ${reasonText(reason)}${offset > 0 ? ` (byte ${offset})` : ''}`);
    this.name = 'CaptureError';
  }
}
