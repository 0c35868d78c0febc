export { timeline, type TimelineOptions } from './timeline.js';
export { chromeTrace, chromeEvents, validateChrome, type ChromeEvent } from './chrome.js';
export { explain } from './explain.js';
export { pendingLine } from './pending.js';
export { TraceIndex } from './model.js';
export type { TraceEvent, TraceEventKind } from '../../host/kernel/trace.js';
export { TRACE_VERSION } from '../../host/kernel/trace.js';
