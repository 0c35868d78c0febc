// The note table (go runtime/signal_plan9.go), generated into assembly/abi.ts
// from host/abi/defs.ts NOTE_TABLE: first prefix match wins, in table order.
// Runs inside the note handler: no floats, no allocation.
import { NOTE_TABLE_LEN, NOTE_TABLE_TEXT, NOTE_TABLE_OFF, NOTE_TABLE_LENS, NOTE_TABLE_FLAGS, SigFlag } from "../abi";

/** Index of the first entry whose pattern is a prefix of the note, or -1. */
export function notematch(note: usize, len: i32): i32 {
  for (let i = 0; i < NOTE_TABLE_LEN; i++) {
    let plen = load<i32>(NOTE_TABLE_LENS + (<usize>i << 2));
    if (plen > len) continue;
    let p = NOTE_TABLE_TEXT + <usize>load<i32>(NOTE_TABLE_OFF + (<usize>i << 2));
    let j = 0;
    while (j < plen && load<u8>(p + j) == load<u8>(note + j)) j++;
    if (j == plen) return i;
  }
  return -1;
}

/** The flags of a table index; an unknown note counts as Notify. */
export function noteflags(idx: i32): i32 {
  if (idx < 0) return SigFlag.NOTIFY;
  return load<i32>(NOTE_TABLE_FLAGS + (<usize>idx << 2));
}
