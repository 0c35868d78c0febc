// How much of a file's text is Go's: the share of its long lines that also
// occur, whitespace aside, somewhere in the installed Go's sources. p9rt
// follows Go's behaviour, API and test scenarios, but its code, comments and
// tests are its own words (issue 17); this measures that for src/golib and
// tests/go.
//
//   node tools/overlap.mjs [--goroot DIR] [--min N] [--show] [FILE...]
//
// Each line is split into its code and its comment (`//` outside a
// string). A part counts when it has at least --min characters (default
// 30) once indentation is removed and runs of spaces are folded; shorter
// parts (`return nil, err`, `}`) say nothing about where a text came from.
// Code that only declares API (an exported func's, method's or type's
// signature, an interface method, an exported var or const) is Go's by
// necessity, since programs call it by those names, and is counted apart
// as "api", not as shared; so is a panic (or fatal error) with Go's own message, which a
// program prints and p9rt must print the same. Parts are compared with every .go file under
// GOROOT/src, so a copy is found whichever package it came from. Without
// FILEs it measures src/golib and tests/go. --show prints the shared parts.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The normal form two lines are compared in. */
export function norm(line) {
  return line.trim().replace(/\s+/g, ' ');
}

function walk(dir, out = []) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (n !== 'testdata') walk(p, out);
    } else if (n.endsWith('.go')) out.push(p);
  }
  return out;
}

/** The installed Go's GOROOT, or null when there is no go command. */
export function goroot() {
  try {
    return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** [code, comment] of one line: the comment starts at a `//` outside quotes. */
export function split(line) {
  let q = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '\\' && q !== '`') i++;
      else if (ch === q) q = null;
    } else if (ch === '"' || ch === "'" || ch === '`') q = ch;
    else if (ch === '/' && line[i + 1] === '/') return [line.slice(0, i), line.slice(i + 2)];
  }
  return [line, ''];
}

/** Code that only names API: a signature, an interface method, an exported var/const/type. */
export function isAPI(code) {
  return (
    /^func (\([^)]*\) )?[A-Z]\w*(\[|\()/.test(code) ||
    /^(type|var|const) [A-Z]\w*\b/.test(code) ||
    /^[A-Z]\w*\(.*\)( \(?[\w\s,.*\[\]]*\)?)?$/.test(code) ||
    /^[A-Z]\w* (=|[\w.*\[\]]+ =) /.test(code) ||
    /^(panic|fatal|throw)\("[^"\\]*"\)$/.test(code)
  );
}

/** Every long code and comment part of Go's sources. */
export function goLines(gorootDir, min = 30) {
  const set = new Set();
  for (const f of walk(join(gorootDir, 'src'))) {
    for (const l of readFileSync(f, 'utf8').split('\n')) {
      for (const part of split(l)) {
        const s = norm(part);
        if (s.length >= min) set.add(s);
      }
    }
  }
  return set;
}

/**
 * One file's text against Go's parts: { long, shared, api, lines }, where
 * long counts the long parts that are not API, shared those of them found
 * in Go, api the long API parts (found in Go or not).
 */
export function measure(text, set, min = 30) {
  let long = 0;
  let api = 0;
  const lines = [];
  for (const l of text.split('\n')) {
    const [code, comment] = split(l).map(norm);
    if (code.length >= min) {
      if (isAPI(code)) api++;
      else {
        long++;
        if (set.has(code)) lines.push(code);
      }
    }
    if (comment.length >= min) {
      long++;
      if (set.has(comment)) lines.push('// ' + comment);
    }
  }
  return { long, shared: lines.length, api, lines };
}

/** The files measured by default. */
export function defaultFiles() {
  return [...walk(join(root, 'src/golib')), ...walk(join(root, 'tests/go'))].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let dir = null;
  let min = 30;
  let show = false;
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--goroot') dir = args[++i];
    else if (args[i] === '--min') min = Number(args[++i]);
    else if (args[i] === '--show') show = true;
    else files.push(args[i]);
  }
  dir ??= goroot();
  if (!dir) {
    console.error('overlap: no go command; give --goroot DIR');
    process.exit(2);
  }
  const set = goLines(dir, min);
  const rows = [];
  for (const f of files.length ? files : defaultFiles()) {
    const r = measure(readFileSync(f, 'utf8'), set, min);
    rows.push({ f: relative(process.cwd(), f), ...r });
  }
  rows.sort((a, b) => b.shared / (b.long || 1) - a.shared / (a.long || 1));
  for (const r of rows) {
    const pct = r.long ? ((100 * r.shared) / r.long).toFixed(0) : '0';
    console.log(`${pct.padStart(3)}%  ${String(r.shared).padStart(4)}/${String(r.long).padEnd(4)} api ${String(r.api).padEnd(4)} ${r.f}`);
    if (show) for (const l of r.lines) console.log(`        ${l}`);
  }
}
