export { timeline } from './timeline.js';
export { chromeTrace } from './chrome.js';
export type { TraceEvent, TraceEventKind } from '../../host/kernel/trace.js';
export { TRACE_VERSION } from '../../host/kernel/trace.js';
