// as-pect: unit tests of the core's pure logic (tests/core/*.spec.ts). Specs
// run in one ordinary (unshared) instance with as-pect's own runtime, so they
// test functions that touch no shared state: the note table, ignoredNote,
// UTF-8, growth of slices, float formatting. The scheduler and the note path
// over real Ms are tested by tests/node/core-*.test.mjs.
export default {
  entries: ['tests/core/**/*.spec.ts'],
  include: ['tests/core/**/*.include.ts'],
  disclude: [/node_modules/],
  async instantiate(memory, createImports, instantiate, binary) {
    // The core's host imports, inert: no spec makes a system call.
    const host = {
      syscall: () => 0n,
      nanotime: () => 0n,
      trace: () => {},
      debug: () => {},
    };
    const p9rt = { enter: () => 1 }; // the wasm engine's entry: no spec runs a G
    return instantiate(binary, createImports({ env: { memory }, host, p9rt }));
  },
  outputBinary: false,
};
