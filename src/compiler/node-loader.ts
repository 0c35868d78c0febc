// The Node package loader: src/golib/<import path>/*.go (not _test.go),
// found from this compiled file's place in dist/src/compiler/.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PackageLoader, SourceFile } from './compiler.js';

function packageRoot(): string {
  // dist/src/compiler/node-loader.js -> the package root; also works from src/ under a TS runner
  for (const up of ['../../../', '../../']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(dir + 'src/golib')) return dir;
  }
  return fileURLToPath(new URL('../../../', import.meta.url));
}

const root = packageRoot();

export function golibDir(): string {
  return root + 'src/golib/';
}

export const nodeLoader: PackageLoader = (importPath: string): SourceFile[] | undefined => {
  if (!/^[a-z0-9_/]+$/.test(importPath) || importPath.includes('..')) return undefined;
  const dir = golibDir() + importPath;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  const names = readdirSync(dir).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go')).sort();
  if (!names.length) return undefined;
  return names.map((n) => ({ name: `src/golib/${importPath}/${n}`, source: readFileSync(`${dir}/${n}`, 'utf8') }));
};
