// What can go wrong while reading a capture, as data. Damage after some packets is reported
// beside the traces read so far; a file that never yields a packet is a CaptureError (the CLI's
// exit 2). Pure.

/** One problem found in a capture: the packet number (1-based, as Wireshark counts) and byte offset. */
export interface CaptureDamage {
  packet: number;
  offset: number;
  message: string;
}

/** The capture cannot be read at all: not a capture, or broken before its first packet. */
export class CaptureError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}
