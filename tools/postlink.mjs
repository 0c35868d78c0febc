// Builds and post-links core.wasm.
//
//   node tools/postlink.mjs --build [--target release|debug]
//       compile assembly/index.ts with asc, the memory limits taken from
//       host/abi/defs.ts (MEMORY_INITIAL_PAGES / MEMORY_MAXIMUM_PAGES: one
//       truth), then post-link build/core.wasm;
//   node tools/postlink.mjs FILE.wasm
//       post-link only.
//
// Post-link (docs/toolchain.md: "Active data segments are re-applied at every
// instantiation"): every M instantiates core.wasm over the one shared memory,
// and an active data segment would reset the core's static data each time a
// new M starts. So every segment becomes passive, and an exported
// `__init_data` copies them once (pid 1 calls it before anything else; a CAS
// on Ctl.INIT_FLAG makes a second call do nothing), like wasm-ld's
// __wasm_init_memory. The imported memory keeps the limits of defs.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadDefs, root } from './defs.mjs';
import binaryen from 'binaryen';

// binaryen names the memory it read from an import like this (it has no name section entry).
const MEM = 'mimport$0';

async function build(defs, target) {
  const asc = (await import('assemblyscript/asc')).default;
  const args = [
    'assembly/index.ts', '--config', 'asconfig.json', '--target', target,
    '--initialMemory', String(defs.MEMORY_INITIAL_PAGES),
    '--maximumMemory', String(defs.MEMORY_MAXIMUM_PAGES),
    '--memoryBase', String(defs.STATIC_BASE), // above the Ctl page and the mailboxes
  ];
  const { error, stderr } = await asc.main(args, { stdout: process.stdout, stderr: process.stderr });
  if (error) {
    console.error(stderr.toString());
    console.error('postlink: asc failed: ' + error.message);
    process.exit(1);
  }
}

function postlink(file, defs) {
  const mod = binaryen.readBinary(readFileSync(file));
  // The binary has no features section: declare what asc enables by default plus threads.
  const F = binaryen.Features;
  mod.setFeatures(F.MVP | F.Atomics | F.MutableGlobals | F.NontrappingFPToInt | F.SignExt | F.BulkMemory);
  const mem = mod.getMemoryInfo();
  if (mem.module !== 'env' || mem.base !== 'memory' || !mem.shared) {
    throw new Error(`postlink: ${file}: expected an imported shared env.memory`);
  }
  const n = mod.getNumMemorySegments();
  const segs = [];
  for (let i = 0; i < n; i++) {
    const s = mod.getMemorySegmentInfoByIndex(i);
    if (s.passive) throw new Error(`postlink: ${file}: segment ${i} is already passive (linked twice?)`);
    segs.push({ offset: Number(s.offset), data: new Uint8Array(s.data) });
  }
  if (segs.some((s) => s.offset < defs.STATIC_BASE)) throw new Error('postlink: a data segment lies below STATIC_BASE (the Ctl page and the mailboxes)');
  mod.setMemory(
    defs.MEMORY_INITIAL_PAGES, defs.MEMORY_MAXIMUM_PAGES, null,
    segs.map((s) => ({ offset: null, data: s.data, passive: true })),
    true, false, MEM,
  );
  mod.addMemoryImport(MEM, 'env', 'memory', true);

  const i32 = binaryen.i32;
  const flag = defs.Ctl.INIT_FLAG;
  const body = [];
  for (let i = 0; i < segs.length; i++) {
    body.push(mod.memory.init(String(i), mod.i32.const(segs[i].offset), mod.i32.const(0), mod.i32.const(segs[i].data.length), MEM));
  }
  body.push(mod.i32.atomic.store(0, mod.i32.const(flag), mod.i32.const(1), MEM));
  // if (cmpxchg(INIT_FLAG, 0, 2) == 0) { copy every segment; INIT_FLAG = 1 }
  const won = mod.i32.eqz(mod.i32.atomic.rmw.cmpxchg(0, mod.i32.const(flag), mod.i32.const(0), mod.i32.const(2), MEM));
  mod.addFunction('__init_data', binaryen.none, binaryen.none, [], mod.if(won, mod.block(null, body, binaryen.none)));
  mod.addFunctionExport('__init_data', '__init_data');
  if (!mod.validate()) throw new Error('postlink: the module does not validate');
  writeFileSync(file, mod.emitBinary());
  const bytes = segs.reduce((a, s) => a + s.data.length, 0);
  console.log(`postlink: ${file}: ${segs.length} passive segments (${bytes} bytes), memory ${defs.MEMORY_INITIAL_PAGES}..${defs.MEMORY_MAXIMUM_PAGES} pages`);
}

const defs = await loadDefs();
const argv = process.argv.slice(2);
if (argv[0] === '--build') {
  const ti = argv.indexOf('--target');
  await build(defs, ti >= 0 ? argv[ti + 1] : 'release');
  postlink(root + 'build/core.wasm', defs);
} else if (argv[0]) {
  postlink(argv[0], defs);
} else {
  console.error('usage: node tools/postlink.mjs --build [--target release|debug] | FILE.wasm');
  process.exit(2);
}
