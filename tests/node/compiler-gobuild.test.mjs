// Differential test of what the compiler accepts and rejects, against real
// Go (`go build`, Go 1.19 here). Two parts:
//
// - tests/node/fixtures/gobuild/*.go: programs Go rejects (bad escapes, NUL
//   and invalid UTF-8, cycles, duplicate cases and imports, syntax errors
//   where the playground puts them) and a few it accepts. p9rt must agree,
//   and its first error must be at Go's line:col.
// - mutants: the conformance programs (tests/conformance/*.go) with one
//   token deleted, doubled, swapped, replaced or inserted, drawn from a
//   seeded generator. p9rt must accept exactly what Go accepts; a program
//   Go accepts may be rejected only as outside the subset ("... is not
//   supported by p9rt"). For syntax errors the first error's position must
//   be Go's too.
//
// P9RT_GOBUILD_SEED (default 1919) and P9RT_GOBUILD_MUTANTS (default 120)
// choose the run; a longer local run: P9RT_GOBUILD_MUTANTS=3000. Each
// failure prints the seed, the mutation and both compilers' first lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, decodeSource } from '../../dist/src/compiler/index.js';
import { Scanner } from '../../dist/src/compiler/scanner.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const haveGo = !spawnSync('go', ['version']).error;
const SEED = Number(process.env.P9RT_GOBUILD_SEED ?? 1919);
const MUTANTS = Number(process.env.P9RT_GOBUILD_MUTANTS ?? 120);

/** p9rt's verdict: '' (compiled) or its error lines. */
function p9rt(bytes) {
  try {
    compile(decodeSource(bytes), { filename: 'x.go' });
    return '';
  } catch (e) {
    if (e.name !== 'CompileError') return `x.go:1:1: CRASH ${e.stack}`;
    return e.message;
  }
}

/**
 * go build every program at once: one package per program in a module.
 * Returns each program's error lines ('' when it built). A package that
 * fails to load (a bad import) stops go build before compiling anything, so
 * such packages are set aside with their error and the rest built again.
 */
function goBuild(programs) {
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-gobuild-'));
  writeFileSync(join(dir, 'go.mod'), 'module m\n\ngo 1.19\n');
  programs.forEach((src, i) => {
    mkdirSync(join(dir, `p${i}`));
    writeFileSync(join(dir, `p${i}`, 'x.go'), src);
  });
  const out = programs.map(() => []);
  // programs the go command's loader (go/parser, go/build) rejected: its wording and positions are not the compiler's
  const loaderErrors = new Set();
  let left = programs.map((_, i) => i);
  for (let round = 0; left.length && round < 50; round++) {
    const r = spawnSync('go', ['build', '-gcflags=-e', ...left.map((i) => `./p${i}`)], { cwd: dir, encoding: 'utf8' });
    const lines = (r.stdout + r.stderr).split('\n');
    const loadFailed = new Set();
    let cur = -1;
    for (const line of lines) {
      const pkg = /^(?:# |package )m\/p(\d+)/.exec(line);
      if (pkg) {
        cur = Number(pkg[1]);
        if (line.startsWith('package ')) loadFailed.add(cur);
        continue;
      }
      const m = /^\t?(?:\.\/)?p(\d+)\/x\.go:(\d+:\d+: .*)$/.exec(line);
      // an error outside its package's "# m/pN" section is the loader's (go/parser's)
      if (m && !line.startsWith('\t') && Number(m[1]) !== cur) loadFailed.add(Number(m[1]));
      if (m && (!line.startsWith('\t') || loadFailed.has(Number(m[1])))) out[Number(m[1])].push(`x.go:${m[2]}`);
      else if (!m && cur >= 0 && line && !line.startsWith('\t') && !line.startsWith('note:')) out[cur].push(line);
    }
    for (const i of loadFailed) loaderErrors.add(i);
    if (!loadFailed.size) break;
    // what compiled in a round that stopped at loading says nothing: build the rest again
    left = left.filter((i) => !loadFailed.has(i));
    for (const i of left) out[i] = [];
  }
  return Object.assign(out.map((l) => l.join('\n')), { loaderErrors });
}

/** Errors of Go's scanner and parser (where a type error's position is a matter of convention, these are not). */
const lexicalOrSyntax = /^x\.go:\d+:\d+: (syntax error|invalid (character|NUL|UTF-8|BOM|digit|radix)|unknown escape|escape is invalid|octal escape|newline in|more than one character|empty rune|(string|rune literal|comment) not terminated|identifier cannot begin|'_' must separate|.* exponent|.*literal has no digits|hexadecimal mantissa)/;
const first = (errs) => (/^x\.go:(\d+:\d+):/.exec(errs) ?? [])[1];
const outsideSubset = (errs) => / is not supported by p9rt|not supported by p9rt/.test(errs.split('\n')[0]);

test('fixtures: p9rt rejects what go build rejects, first error at the same line:col', { skip: !haveGo && 'no Go toolchain', timeout: 600_000 }, () => {
  const dir = join(root, 'tests/node/fixtures/gobuild');
  const names = readdirSync(dir).filter((n) => n.endsWith('.go')).sort();
  const bytes = names.map((n) => readFileSync(join(dir, n)));
  const gos = goBuild(bytes);
  const bad = [];
  names.forEach((n, i) => {
    const g = gos[i];
    const p = p9rt(bytes[i]);
    if (!!g !== !!p || first(g) !== first(p)) bad.push(`${n}:\n  go:   ${g.split('\n')[0] || '(builds)'}\n  p9rt: ${p.split('\n')[0] || '(compiles)'}`);
  });
  assert.equal(bad.length, 0, bad.join('\n'));
});

// ---- mutants ----

function rng(seed) {
  let s = seed >>> 0 || 1;
  return (n) => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

/** The tokens of a program as source spans (automatic semicolons have none). */
function tokens(src) {
  const sc = new Scanner('x.go', src);
  const out = [];
  for (;;) {
    sc.next();
    if (sc.tok === 'EOF') break;
    let len = sc.lit.length;
    if (sc.tok === ';') len = sc.lit === 'semicolon' ? 1 : 0;
    else if (sc.tok === 'assignop') len++;
    else if (sc.tok === 'incop') len = 2;
    if (len) out.push({ pos: sc.pos, end: sc.pos + len, text: src.slice(sc.pos, sc.pos + len) });
  }
  return out;
}

const extra = [')', '(', ',', '{', '}', ';', ':=', '=', 'var', 'x', '0', '"s"', '.', 'func', '*', '&', '[', ']', '\n', 'if', 'return', '...', ':', '1 << 70', "'ab'", '"\\q"', 'nil', 'go', 'type', 'case'];

/** One mutant of src: [what was done, the new source]. */
function mutate(src, r) {
  const toks = tokens(src);
  const t = toks[r(toks.length)];
  const other = toks[r(toks.length)];
  const at = (pos, end, text) => src.slice(0, pos) + text + src.slice(end);
  switch (r(6)) {
    case 0: return [`delete ${JSON.stringify(t.text)} at ${t.pos}`, at(t.pos, t.end, '')];
    case 1: return [`double ${JSON.stringify(t.text)} at ${t.pos}`, at(t.pos, t.end, t.text + ' ' + t.text)];
    case 2: return [`replace ${JSON.stringify(t.text)} at ${t.pos} by ${JSON.stringify(other.text)}`, at(t.pos, t.end, other.text)];
    case 3: {
      const i = toks.indexOf(t);
      const u = toks[i + 1];
      if (!u) return [`delete ${JSON.stringify(t.text)} at ${t.pos}`, at(t.pos, t.end, '')];
      return [`swap ${JSON.stringify(t.text)} ${JSON.stringify(u.text)} at ${t.pos}`, src.slice(0, t.pos) + u.text + src.slice(t.end, u.pos) + t.text + src.slice(u.end)];
    }
    default: {
      const x = extra[r(extra.length)];
      return [`insert ${JSON.stringify(x)} at ${t.pos}`, at(t.pos, t.pos, x + ' ')];
    }
  }
}

test(`mutants: ${MUTANTS} mutated conformance programs, p9rt and go build agree (seed ${SEED})`, { skip: !haveGo && 'no Go toolchain', timeout: 1_800_000 }, () => {
  const dir = join(root, 'tests/conformance');
  const seeds = readdirSync(dir).filter((n) => n.endsWith('.go')).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')]);
  const r = rng(SEED);
  const cases = [];
  for (let i = 0; i < MUTANTS; i++) {
    const [name, src] = seeds[r(seeds.length)];
    const [what, out] = mutate(src, r);
    cases.push({ name, what, src: out });
  }
  const gos = [];
  const byLoader = new Set();
  for (let i = 0; i < cases.length; i += 400) {
    const r = goBuild(cases.slice(i, i + 400).map((c) => c.src));
    for (const j of r.loaderErrors) byLoader.add(i + j);
    gos.push(...r);
  }
  const stats = { bothAccept: 0, bothReject: 0, samePosition: 0, outsideSubset: 0 };
  const bad = [];
  cases.forEach((c, i) => {
    const g = gos[i];
    const p = p9rt(Buffer.from(c.src));
    const tag = `mutant ${i} (seed ${SEED}, ${c.name}: ${c.what})`;
    if (p.includes('CRASH')) bad.push(`${tag}: compiler crash\n${p}`);
    else if (!g && !p) stats.bothAccept++;
    else if (!g && p) {
      if (outsideSubset(p)) stats.outsideSubset++;
      // go build checks a package that is not main and builds nothing (go run refuses it, as p9rt does)
      else if (/^\S+: package \S+ is not a main package$/.test(p.trim())) stats.bothAccept++;
      else bad.push(`${tag}: Go accepts, p9rt rejects:\n  p9rt: ${p.split('\n')[0]}`);
    } else if (g && !p) bad.push(`${tag}: Go rejects, p9rt accepts:\n  go:   ${g.split('\n')[0]}`);
    else {
      stats.bothReject++;
      if (first(g) === first(p)) stats.samePosition++;
      else if (!byLoader.has(i) && lexicalOrSyntax.test(g.split('\n')[0])) {
        bad.push(`${tag}: syntax error elsewhere:\n  go:   ${g.split('\n')[0]}\n  p9rt: ${p.split('\n')[0]}`);
      }
    }
  });
  const line = `go build differential: ${MUTANTS} mutants (seed ${SEED}): ${stats.bothAccept} both compile, ${stats.bothReject} both reject (${stats.samePosition} at the same first position), ${stats.outsideSubset} outside the subset, ${bad.length} disagreements`;
  console.log(line);
  assert.equal(bad.length, 0, `${line}\n${bad.join('\n').slice(0, 20_000)}`);
});
