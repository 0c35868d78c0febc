// Note text rules that do not need the kernel's state (4e pc/trap.c notify,
// port/sysproc.c sysexits): byte limits and the pc suffix of sys: notes.
import { ERRMAX } from '../abi/defs.js';

/** Cut s to at most n bytes of UTF-8, at a character boundary. */
export function cutbytes(s: string, n: number): string {
  const b = new TextEncoder().encode(s);
  if (b.length <= n) return s;
  let end = n;
  // Back up over continuation bytes so no character is split.
  while (end > 0 && (b[end] & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(b.subarray(0, end));
}

/**
 * 4e notify(): a note starting with "sys:" gets " pc=0x%.8lux" appended, the
 * text first cut to ERRMAX-15 bytes so the suffix and NUL fit in ERRMAX.
 * The interpreter's pc is not visible to the kernel, so p9rt reports 0.
 */
export function pcsuffix(text: string, pc: number): string {
  return cutbytes(text, ERRMAX - 15) + ' pc=0x' + (pc >>> 0).toString(16).padStart(8, '0');
}
