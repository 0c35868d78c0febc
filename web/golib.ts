// The compiler's PackageLoader for the browser: the Go library sources of src/golib, bundled
// by vite at build time (the Node loader reads the same files from disk).
//
// import.meta.glob is expanded by vite into a table of every matching file's text; the keys are
// paths relative to this file, so '../src/golib/internal/poll/fd_plan9.go' is package
// 'internal/poll', file 'fd_plan9.go'.

import type { PackageLoader, SourceFile } from '../src/compiler/index.ts';

const files = import.meta.glob('../src/golib/**/*.go', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const prefix = '../src/golib/';

// importPath -> its .go files, tests excluded, sorted by name so compiles are reproducible.
const packages = new Map<string, SourceFile[]>();
for (const [path, source] of Object.entries(files)) {
  const rel = path.slice(prefix.length);
  const slash = rel.lastIndexOf('/');
  if (slash < 0) continue; // a file directly in golib/ belongs to no package
  const dir = rel.slice(0, slash);
  const name = rel.slice(slash + 1);
  if (name.endsWith('_test.go')) continue;
  let list = packages.get(dir);
  if (!list) packages.set(dir, (list = []));
  // Named as the Node loader names them, so diagnostics, tracebacks and images match.
  list.push({ name: `src/golib/${dir}/${name}`, source });
}
for (const list of packages.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** The files of one package of src/golib; undefined when there is no such package. */
export const golibLoader: PackageLoader = (importPath) => packages.get(importPath);
