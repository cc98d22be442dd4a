// The messages between the explore page and the Web Worker that reads its capture. Plain JSON
// (a Blob going in), so they cross postMessage unchanged.
import type { Lang } from '../engine/index';
import type { CaptureFormat } from './container';
import type { CaptureDamage, CaptureReason } from './errors';
import type { CaptureStats } from './reader';
import type { ConnectionSummary } from './summary';
import type { CaptureTrace } from './trace';

/** `id` tells the answers to one read from those of a read it replaced (one worker serves the page). */
export type ReadRequest = { id: number } & ({ file: Blob; lang: Lang } | { cancel: true });

export interface ReadConnection {
  trace: CaptureTrace;
  summary: ConnectionSummary;
}

export type ReadMessage = { id: number } & (
  | { type: 'progress'; read: number; total: number }
  | { type: 'done'; format: CaptureFormat; stats: CaptureStats; errors: CaptureDamage[]; connections: ReadConnection[] }
  /** `reason` is the reader's, when the file is not a capture it can read; else the failure's message. */
  | { type: 'error'; message: string; reason: CaptureReason | null }
);
