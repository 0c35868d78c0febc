// Shareable runs: the URL's fragment holds the program, its name, the seed, the clock, the poll
// variant (internal/poll's deadline logic) and the scheduled notes (notes posted by hand are
// added at the program-clock time they arrived), so opening the link runs the same program the same way; in virtual time, the same output and
// trace. The state is JSON, deflated and base64url-encoded: `#run=...`.

export interface ScheduledNote {
  /** ms of the run's clock since boot. */
  at: number;
  target: 'main' | 'group' | number;
  text: string;
}

export interface RunSpec {
  file: string;
  source: string;
  seed: number;
  clock: 'virtual' | 'real';
  /** Machine.start's `poll`: the same program can print differently under each. */
  poll: 'current' | 'go1.19';
  notes: ScheduledNote[];
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
  const json = JSON.stringify({ v: 1, f: spec.file, s: spec.source, seed: spec.seed, clock: spec.clock, poll: spec.poll, notes: spec.notes });
  return 'run=' + b64url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/** The spec in a URL fragment, or null when it holds none; throws on a damaged one. */
export async function decodeSpec(hash: string): Promise<RunSpec | null> {
  const m = /^#?run=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  const json = new TextDecoder().decode(await pipe(unb64url(m[1]), new DecompressionStream('deflate-raw')));
  const o = JSON.parse(json) as { v: number; f: string; s: string; seed: number; clock: string; poll?: string; notes?: ScheduledNote[] };
  if (o.v !== 1 || typeof o.s !== 'string') throw new Error('unknown link format');
  return {
    file: typeof o.f === 'string' && /^[\w.-]+\.go$/.test(o.f) ? o.f : 'main.go',
    source: o.s,
    seed: Number.isSafeInteger(o.seed) && o.seed >= 0 ? o.seed : 1,
    clock: o.clock === 'real' ? 'real' : 'virtual',
    // Links made before the poll control have none: they ran under the current logic.
    poll: o.poll === 'go1.19' ? 'go1.19' : 'current',
    notes: Array.isArray(o.notes) ? o.notes.filter((n) => typeof n.text === 'string' && typeof n.at === 'number') : [],
  };
}

const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** Parse "50ms:main:interrupt, 1s:2:hangup" (the CLI's --note syntax) into notes; throws with a reason. */
export function parseNotes(text: string): ScheduledNote[] {
  const out: ScheduledNote[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h):(main|group|\d+):(.+)$/.exec(part);
    if (!m) throw new Error(`"${part}" is not WHEN:TARGET:TEXT (like 50ms:main:interrupt)`);
    const target = m[3] === 'main' || m[3] === 'group' ? m[3] : Number(m[3]);
    out.push({ at: Number(m[1]) * units[m[2]], target, text: m[4] });
  }
  return out;
}

export function formatNotes(notes: ScheduledNote[]): string {
  return notes.map((n) => `${+n.at.toFixed(6)}ms:${n.target}:${n.text}`).join(', ');
}
