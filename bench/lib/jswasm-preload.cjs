// Go 1.19's misc/wasm/wasm_exec_node.js assigns globalThis.crypto, which is a
// getter-only property on Node >= 19: make it writable before the script runs.
Object.defineProperty(globalThis, 'crypto', { value: globalThis.crypto, writable: true, configurable: true });
