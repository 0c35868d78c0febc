// The Node package loader: src/golib/<import path>/*.go (not _test.go),
// found from this compiled file's place in dist/src/compiler/.

import { createHash } from 'node:crypto';
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

export const sourceHash = (source: string): string => createHash('sha256').update(source).digest('hex').slice(0, 32);

type Trees = { name: string; hash: string; tree: NonNullable<SourceFile['tree']> }[];

/**
 * The library's syntax trees made at build time (tools/gentrees.mjs,
 * dist/golib/<path>.trees.json): parsing fmt and its dependencies was most of
 * a cold run's compile. A tree is used only for the exact text it was made
 * from, by the parser that made it (the file names the parser's hash).
 */
function builtTrees(importPath: string): Map<string, Trees[number]> | undefined {
  // bench/coldstart.mjs measures the run without them.
  if (process.env.P9RT_NO_TREES) return undefined;
  try {
    const text = readFileSync(new URL(`../../golib/${importPath}.trees.json`, import.meta.url), 'utf8');
    const { parser, trees } = JSON.parse(text) as { parser: string; trees: Trees };
    if (parser !== parserHash()) return undefined;
    return new Map(trees.map((t) => [t.name, t]));
  } catch {
    return undefined; // not built (a TS runner, a checkout before npm run build)
  }
}

/** A built tree, if it was made from exactly this source (a library edited after the build is parsed anew). */
export function usableTree(t: Trees[number] | undefined, source: string): Trees[number]['tree'] | undefined {
  return t && t.hash === sourceHash(source) ? t.tree : undefined;
}

let parserId: string | undefined;
/** The compiled parser's identity: its own text and the grammar's version. */
export function parserHash(): string {
  if (parserId === undefined) {
    let id = '';
    try {
      for (const u of [new URL('./parse.js', import.meta.url), new URL('./ast.js', import.meta.url), new URL(import.meta.resolve('@lezer/go')), new URL(import.meta.resolve('@lezer/lr'))]) {
        id += readFileSync(u, 'utf8');
      }
    } catch {
      id = String(Math.random()); // cannot tell which parser this is: parse from source
    }
    parserId = sourceHash(id);
  }
  return parserId;
}

export const nodeLoader: PackageLoader = (importPath: string): SourceFile[] | undefined => {
  if (!/^[a-z0-9_/]+$/.test(importPath) || importPath.includes('..')) return undefined;
  const dir = golibDir() + importPath;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  const names = readdirSync(dir).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go')).sort();
  if (!names.length) return undefined;
  const trees = builtTrees(importPath);
  return names.map((n) => {
    const name = `src/golib/${importPath}/${n}`;
    const source = readFileSync(`${dir}/${n}`, 'utf8');
    const tree = usableTree(trees?.get(name), source);
    return tree ? { name, source, tree } : { name, source };
  });
};
