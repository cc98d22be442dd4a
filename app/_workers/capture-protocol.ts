// The messages between the explore page and its capture-reading worker. Plain JSON only.
import type { CaptureDamage, CaptureFormat, CaptureStats, CaptureTrace } from '@/lib/capture';
import type { ConnectionSummary } from '@/lib/capture/summary';
import type { Lang } from '@/lib/engine/explain/index';

export type ReadRequest = { file: Blob; lang: Lang };

export interface ReadConnection {
  trace: CaptureTrace;
  summary: ConnectionSummary;
}

export type ReadMessage =
  | { type: 'progress'; read: number; total: number }
  | { type: 'done'; format: CaptureFormat; stats: CaptureStats; errors: CaptureDamage[]; connections: ReadConnection[] }
  | { type: 'error'; message: string; unreadable: boolean };
