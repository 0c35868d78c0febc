// Shareable runs: the URL's fragment holds the program, its name, the seed, the clock, the poll
// variant (internal/poll's deadline logic), the scheduled notes and interrupts (those made by hand
// are added at the program-clock time they took effect), so opening the link runs the same program the same way; in virtual time, the same output and
// trace. The state is JSON, deflated and base64url-encoded: `#run=...`.

import type { ScheduledInterrupt, ScheduledNote } from '../src/api/notes.ts';

export type { ScheduledInterrupt, ScheduledNote };

export interface RunSpec {
  file: string;
  source: string;
  seed: number;
  clock: 'virtual' | 'real';
  /** Machine.start's `poll`: the same program can print differently under each. */
  poll: 'current' | 'go1.19';
  notes: ScheduledNote[];
  /** Scheduled interrupts (`--interrupt`): interrupts made by hand are added at the time they took effect. */
  interrupts: ScheduledInterrupt[];
}

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function b64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unb64url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export async function encodeSpec(spec: RunSpec): Promise<string> {
  const json = JSON.stringify({ v: 1, f: spec.file, s: spec.source, seed: spec.seed, clock: spec.clock, poll: spec.poll, notes: spec.notes, intr: spec.interrupts });
  return 'run=' + b64url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/** The spec in a URL fragment, or null when it holds none; throws, saying so, on a damaged one. */
export async function decodeSpec(hash: string): Promise<RunSpec | null> {
  if (!/^#?run=/.test(hash)) return null;
  const m = /^#?run=([A-Za-z0-9_-]+)$/.exec(hash);
  // A cut or altered link fails somewhere in base64, inflate or JSON, each with its own
  // message ("Failed to fetch" from the decompressor): the user needs to hear only that.
  const damaged = new Error('this link is damaged (cut short or altered), so its program cannot be read. Ask for the link again, or copy it whole.');
  if (!m) throw damaged;
  let o: { v: number; f: string; s: string; seed: number; clock: string; poll?: string; notes?: ScheduledNote[]; intr?: ScheduledInterrupt[] };
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(unb64url(m[1]), new DecompressionStream('deflate-raw')));
    o = JSON.parse(json);
  } catch {
    throw damaged;
  }
  if (o?.v !== 1 || typeof o.s !== 'string') throw new Error('this link was made by another version of the playground, whose format this one does not read.');
  return {
    file: typeof o.f === 'string' && /^[\w.-]+\.go$/.test(o.f) ? o.f : 'prog.go',
    source: o.s,
    seed: Number.isSafeInteger(o.seed) && o.seed >= 0 ? o.seed : 1,
    clock: o.clock === 'real' ? 'real' : 'virtual',
    // Links made before the poll control have none: they ran under the current logic.
    poll: o.poll === 'go1.19' ? 'go1.19' : 'current',
    notes: Array.isArray(o.notes) ? o.notes.filter((n) => typeof n.text === 'string' && typeof n.at === 'number') : [],
    // Links made before interrupts have none.
    interrupts: Array.isArray(o.intr) ? o.intr.filter((n) => typeof n.pid === 'number' && typeof n.at === 'number') : [],
  };
}
