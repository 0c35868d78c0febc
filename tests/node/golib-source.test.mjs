// The Go library's sources are checked without the p9rt compiler: the
// generated constants are fresh, every bodyless function is an intrinsic of
// host/abi/defs.ts, the files are gofmt-clean, and the whole library
// type-checks with go/types as real Go (skipped without a Go toolchain).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDefs } from '../../tools/defs.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const golib = join(root, 'src/golib');

function goFiles(dir) {
  const out = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...goFiles(p));
    else if (n.endsWith('.go')) out.push(p);
  }
  return out;
}

const haveGo = !spawnSync('go', ['version']).error;

test('the generated Go constants match host/abi/defs.ts', () => {
  const r = spawnSync(process.execPath, [join(root, 'tools/gengolib.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('every bodyless function in src/golib is an intrinsic of defs.ts', async () => {
  const { Intrinsic } = await loadDefs();
  const bodyless = [];
  for (const f of goFiles(golib)) {
    const pkg = relative(golib, dirname(f));
    const lines = readFileSync(f, 'utf8').split('\n');
    for (const line of lines) {
      // A top-level func without a body ends its signature on the same line
      // without "{"; the library keeps such declarations on one line.
      const m = /^func ([A-Za-z_][A-Za-z0-9_]*)\([^{]*$/.exec(line);
      if (m) bodyless.push(`${pkg}.${m[1]}`);
    }
  }
  assert.ok(bodyless.length > 30, `found only ${bodyless.length} intrinsics`);
  const missing = bodyless.filter((n) => !(n in Intrinsic));
  assert.deepEqual(missing, []);
  // Go links these names; the poll side must reach the M's ignoreHangup.
  assert.equal(Intrinsic['internal/poll.runtime_ignoreHangup'], Intrinsic['runtime.ignoreHangup']);
  assert.equal(Intrinsic['internal/poll.runtime_unignoreHangup'], Intrinsic['runtime.unignoreHangup']);
});

test('src/golib is gofmt-clean', (t) => {
  if (!haveGo) return t.skip('no Go toolchain');
  const r = spawnSync('gofmt', ['-l', golib], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
});

test('src/golib type-checks as Go (go/types, importing only src/golib)', (t) => {
  if (!haveGo) return t.skip('no Go toolchain');
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-golib-'));
  writeFileSync(join(dir, 'go.mod'), 'module typecheck\n\ngo 1.19\n');
  writeFileSync(join(dir, 'main.go'), CHECKER);
  const examples = ['examples/deadline.go', 'examples/hangup.go'].map((e) => join(root, e));
  const r = spawnSync('go', ['run', '.', golib, ...examples], {
    cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, GOFLAGS: '-mod=mod', GO111MODULE: 'on' },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

const CHECKER = String.raw`// typecheck: type-checks the Go-subset library in src/golib (and, given as
// further arguments, program files) with go/types, importing every package
// from src/golib instead of GOROOT.
package main

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type imp struct {
	root string
	fset *token.FileSet
	pkgs map[string]*types.Package
	errs []string
}

func (m *imp) Import(path string) (*types.Package, error) {
	if p, ok := m.pkgs[path]; ok {
		return p, nil
	}
	dir := filepath.Join(m.root, path)
	ents, err := os.ReadDir(dir)
	if err != nil {
		if path == "unsafe" {
			return importer.Default().Import(path)
		}
		return nil, fmt.Errorf("no package %s in src/golib", path)
	}
	var files []*ast.File
	for _, e := range ents {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(m.fset, filepath.Join(dir, n), nil, parser.ParseComments)
		if err != nil {
			m.errs = append(m.errs, err.Error())
			continue
		}
		files = append(files, f)
	}
	return m.check(path, files)
}

func (m *imp) check(path string, files []*ast.File) (*types.Package, error) {
	conf := types.Config{Importer: m, Error: func(err error) { m.errs = append(m.errs, err.Error()) }}
	p, _ := conf.Check(path, m.fset, files, nil)
	m.pkgs[path] = p
	return p, nil
}

func main() {
	m := &imp{root: os.Args[1], fset: token.NewFileSet(), pkgs: map[string]*types.Package{}}
	var pkgs []string
	filepath.WalkDir(m.root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
			rel, _ := filepath.Rel(m.root, filepath.Dir(p))
			pkgs = append(pkgs, rel)
		}
		return nil
	})
	sort.Strings(pkgs)
	seen := map[string]bool{}
	for _, p := range pkgs {
		if !seen[p] {
			seen[p] = true
			m.Import(p)
		}
	}
	for _, f := range os.Args[2:] {
		af, err := parser.ParseFile(m.fset, f, nil, 0)
		if err != nil {
			m.errs = append(m.errs, err.Error())
			continue
		}
		m.check("main", []*ast.File{af})
	}
	for _, e := range m.errs {
		fmt.Println(e)
	}
	if len(m.errs) > 0 {
		os.Exit(1)
	}
}
`;
