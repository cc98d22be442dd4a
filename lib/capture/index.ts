// The capture reader's one public entry: pcap/pcapng bytes -> traces, and traces -> pcap.
// Pure TypeScript, streaming; runs in the browser, a Web Worker and the CLI.
export { CaptureReader, readCapture, type CaptureResult, type CaptureStats, type ReaderOptions } from './reader';
export { CaptureError, reasonText, type CaptureDamage, type CaptureReason, type CaptureReasonCode } from './errors';
export type { CaptureFormat } from './container';
export type { CaptureTrace, CaptureEndpoint } from './trace';
export type { SkipReason } from './decode';
export { traceToPcap, tracesToPcap, PcapWriteError, type TraceWithAddresses } from './write';
