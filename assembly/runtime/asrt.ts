// AssemblyScript's runtime interface (--runtime), backed by the shared heap.
// The core never allocates managed objects at run time (no `new`, no string
// building, no arrays, no closures); this file exists so that if the
// compiler ever emits such an allocation it lands in shared memory from the
// CAS allocator, not in a per-instance bump region that every M would hand
// out again (docs/toolchain.md "Stock runtimes break over shared memory").
// Nothing is ever freed or collected.
import { persistentalloc } from "./malloc";

// The stub runtime's block layout (std/assembly/rt/common.ts): a 4-byte
// mmInfo before the payload; objects add 16 bytes of header.
const BLOCK_OVERHEAD: usize = 4;
const OBJECT_OVERHEAD: usize = 16;

// @ts-ignore: decorator
@unsafe @global
function __alloc(size: usize): usize {
  let p = persistentalloc(size + 16, 0) + 16 - BLOCK_OVERHEAD; // only AS locals would point at it
  store<usize>(p, size);
  return p + BLOCK_OVERHEAD;
}

// @ts-ignore: decorator
@unsafe @global
function __realloc(ptr: usize, size: usize): usize {
  let old = load<usize>(ptr - BLOCK_OVERHEAD);
  if (size <= old) return ptr;
  let np = __alloc(size);
  memory.copy(np, ptr, old);
  return np;
}

// @ts-ignore: decorator
@unsafe @global
function __free(ptr: usize): void {}

// @ts-ignore: decorator
@unsafe @global
function __reset(): void {}

// @ts-ignore: decorator
@unsafe @global
function __new(size: usize, id: u32): usize {
  let ptr = __alloc(OBJECT_OVERHEAD + size);
  store<u32>(ptr, 0); // gcInfo
  store<u32>(ptr, 0, 4); // gcInfo2
  store<u32>(ptr, id, 8); // rtId
  store<u32>(ptr, <u32>size, 12); // rtSize
  return ptr + OBJECT_OVERHEAD;
}

// @ts-ignore: decorator
@unsafe @global
function __renew(oldPtr: usize, size: usize): usize {
  let np = __realloc(oldPtr - OBJECT_OVERHEAD, OBJECT_OVERHEAD + size);
  store<u32>(np, <u32>size, 12);
  return np + OBJECT_OVERHEAD;
}

// @ts-ignore: decorator
@global @unsafe
function __link(parentPtr: usize, childPtr: usize, expectMultiple: bool): void {}

// @ts-ignore: decorator
@global @unsafe
function __pin(ptr: usize): usize {
  return ptr;
}

// @ts-ignore: decorator
@global @unsafe
function __unpin(ptr: usize): void {}

// @ts-ignore: decorator
@global @unsafe
function __visit(ptr: usize, cookie: u32): void {}

// @ts-ignore: decorator
@global @unsafe
function __collect(): void {}
