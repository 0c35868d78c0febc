// The command's cache of compiled programs, as go run keeps its build cache:
// a program already compiled by this p9rt (same source, same file name, same
// compiler code, same Go library) starts from its image instead of compiling
// again. The key hashes all of that, so an edit to any of it is a new entry;
// an entry is the image p9rt build would write. The library API does not
// cache (compile() is pure); only the CLI's run and test do.
//
// Where: $P9RT_CACHE, else $XDG_CACHE_HOME/p9rt, else ~/.cache/p9rt.
// P9RT_CACHE=off turns it off. At most MAX_ENTRIES images are kept, the least
// recently used going first. A cache that cannot be read or written (a
// read-only home) only means compiling every time.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { golibDir } from '../compiler/node-loader.js';
import { IMAGE_VERSION } from '../../host/abi/defs.js';
import type { ModuleStore } from '../engine/translate.js';

const MAX_ENTRIES = 200;

export function cacheDir(): string | null {
  const env = process.env.P9RT_CACHE;
  if (env === 'off') return null;
  if (env) return env;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'p9rt');
}

/** Every file under dir whose name passes keep, sorted, as name and contents into h. */
function hashTree(h: ReturnType<typeof createHash>, dir: string, keep: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) hashTree(h, p, keep);
    else if (keep(n)) h.update(`${p}\0`).update(readFileSync(p)).update('\0');
  }
}

let toolchain: string | undefined;
/** What an image depends on besides the program: the compiler's code, the ABI and the Go library. */
function toolchainHash(): string {
  if (toolchain === undefined) {
    const h = createHash('sha256').update(`image ${IMAGE_VERSION}\0`);
    hashTree(h, fileURLToPath(new URL('../compiler/', import.meta.url)), (n) => /\.[jt]s$/.test(n) && !n.endsWith('.d.ts'));
    hashTree(h, fileURLToPath(new URL('../../host/abi/', import.meta.url)), (n) => /\.[jt]s$/.test(n) && !n.endsWith('.d.ts'));
    hashTree(h, golibDir(), (n) => n.endsWith('.go') && !n.endsWith('_test.go'));
    toolchain = h.digest('hex');
  }
  return toolchain;
}

function keyOf(files: { name: string; source: string }[]): string {
  const h = createHash('sha256').update(toolchainHash());
  for (const f of files) h.update(`\0${f.name}\0${f.source}`);
  return h.digest('hex').slice(0, 40);
}

/**
 * The image of these files (the main file first) from the cache, or
 * compile() them and keep the result. Compile errors are thrown, not kept.
 */
export async function compileCached(files: { name: string; source: string }[], compile: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const dir = cacheDir();
  if (!dir) return await compile();
  const key = keyOf(files);
  const path = join(dir, `${key}.p9img`);
  try {
    const image = new Uint8Array(readFileSync(path));
    const now = new Date();
    utimesSync(path, now, now);
    return image;
  } catch {
    // not cached yet
  }
  const image = await compile();
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, image);
    renameSync(tmp, path);
    evict(dir);
  } catch {
    // an unwritable cache: compile next time too
  }
  return image;
}

let engineHash: string | undefined;
/**
 * The wasm engine's program modules (src/engine/translate.ts ModuleStore),
 * kept beside the images: translating an image costs more than loading the
 * image (docs/backend.md "Cold start"). The key hashes the translator's code,
 * the ABI and the image, so a new translator never reads an old module.
 */
export function moduleStore(): ModuleStore | null {
  const dir = cacheDir();
  if (!dir) return null;
  const pathOf = (image: Uint8Array) => {
    if (engineHash === undefined) {
      const h = createHash('sha256').update(`module ${IMAGE_VERSION}\0`);
      hashTree(h, fileURLToPath(new URL('../engine/', import.meta.url)), (n) => /\.[jt]s$/.test(n) && !n.endsWith('.d.ts'));
      hashTree(h, fileURLToPath(new URL('../../host/abi/', import.meta.url)), (n) => /\.[jt]s$/.test(n) && !n.endsWith('.d.ts'));
      engineHash = h.digest('hex');
    }
    return join(dir, `${createHash('sha256').update(engineHash).update(image).digest('hex').slice(0, 40)}.wasm`);
  };
  return {
    get(image) {
      const path = pathOf(image);
      try {
        const bytes = new Uint8Array(readFileSync(path));
        const now = new Date();
        utimesSync(path, now, now);
        return bytes;
      } catch {
        return undefined; // not cached yet
      }
    },
    put(image, module) {
      const path = pathOf(image);
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, module);
        renameSync(tmp, path);
        evict(dir, '.wasm');
      } catch {
        // an unwritable cache: translate next time too
      }
    },
  };
}

function evict(dir: string, ext = '.p9img'): void {
  const entries = readdirSync(dir).filter((n) => n.endsWith(ext));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const e of byAge.slice(0, entries.length - MAX_ENTRIES)) unlinkSync(join(dir, e.n));
}
