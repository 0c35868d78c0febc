// The playground's vite configuration (root: web/).
//
// Why each setting (docs/toolchain.md, "Browser"):
//   - COOP/COEP on every response, the dev server's and the preview's alike, worker scripts
//     included: without cross-origin isolation a shared WebAssembly.Memory cannot be posted to a
//     worker, and a worker script served without COEP is blocked with no error at all.
//   - assetsInlineLimit 0: core.wasm is fetched by URL (`?url`) and compiled once with
//     WebAssembly.compileStreaming; inlining would duplicate it as base64.
//   - worker.format 'es': the kernel and M workers are module workers that import each other.
//   - server.fs.allow: the page imports ../src, ../host, ../examples and ../build from outside root.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  server: { headers: isolation, fs: { allow: [repo] } },
  preview: { headers: isolation },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  worker: { format: 'es' },
});
