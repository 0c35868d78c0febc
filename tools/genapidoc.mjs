// docs/api.md from the library's source: every name src/api/index.ts exports, with
// its signature and doc comment; every property of an exported interface, public
// member of an exported class and member of a documented string union (the trace
// event kinds), each with its meaning. A member without a doc comment is an error,
// so the reference cannot fall behind the code silently.
//
//   node tools/genapidoc.mjs           write docs/api.md
//   node tools/genapidoc.mjs --check   exit 1 if docs/api.md differs from what the source gives
//
// The TypeScript compiler's own API reads the source (no other generator to install);
// types are printed as written in the source, so the page shows what a user types.
import ts from 'typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = root + 'src/api/index.ts';
const out = root + 'docs/api.md';

const program = ts.createProgram([entry], {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
});
const checker = program.getTypeChecker();
const missing = [];

const flat = (s) => s.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/\{ \}/g, '{}').trim();
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

function docOf(node, what) {
  const sym = node.name ? checker.getSymbolAtLocation(node.name) : undefined;
  const parts = sym ? sym.getDocumentationComment(checker) : [];
  let text = ts.displayPartsToString(parts).trim();
  // The text of tags a reader needs (@param, @returns, @throws), kept as sentences.
  for (const tag of ts.getJSDocTags(node)) {
    const name = tag.tagName.text;
    const c = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? '';
    if (name === 'param' && ts.isJSDocParameterTag(tag)) text += `\n\n\`${tag.name.getText()}\`: ${c}`;
    else if (name === 'returns' || name === 'throws') text += `\n\n${name === 'returns' ? 'Returns' : 'Throws'} ${c}`;
  }
  if (!text) missing.push(what);
  return text;
}

/** A declaration's source text up to its body: the signature as written. */
function header(node) {
  const sf = node.getSourceFile();
  const start = node.getStart(sf, false);
  const end = node.body ? node.body.getStart(sf) : node.end;
  let text = sf.text.slice(start, end).replace(/^export\s+/, '').replace(/\s*;?\s*$/, '');
  return flat(text);
}

function resolve(sym) {
  return sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
}

/** The comment after each member of a string-literal union, one row per member. */
function unionRows(alias) {
  const sf = alias.getSourceFile();
  const rows = [];
  let group = '';
  const eol = sf.text.indexOf('\n', alias.end);
  const lines = sf.text.slice(alias.type.getFullStart(), eol < 0 ? sf.text.length : eol).split('\n');
  for (const line of lines) {
    const m = /^\s*(.*?)\s*(?:\/\/\s*(.*))?$/.exec(line);
    const code = m[1];
    const comment = (m[2] ?? '').trim();
    const names = [...code.matchAll(/'([^']+)'/g)].map((x) => x[1]);
    if (!names.length) {
      if (comment) group = comment;
      continue;
    }
    if (!comment) missing.push(`${alias.name.text}: ${names.join(', ')}`);
    for (const n of names) rows.push({ name: n, group, meaning: comment });
  }
  return rows;
}

const sections = { functions: [], classes: [], types: [] };

function interfaceTable(decl, title) {
  const rows = [];
  for (const m of decl.members) {
    if (!m.name) continue;
    const name = m.name.getText();
    const type = m.type ? flat(m.type.getText()) : ts.isMethodSignature(m) ? flat(header(m)) : 'unknown';
    const doc = docOf(m, `${title}.${name}`);
    rows.push(`| \`${name}${m.questionToken ? '?' : ''}\` | \`${cell(type)}\` | ${cell(doc)} |`);
  }
  return ['| property | type | meaning |', '|---|---|---|', ...rows].join('\n');
}

function describe(name, sym) {
  const decl = sym.declarations?.[0];
  if (!decl) return;
  if (ts.isFunctionDeclaration(decl)) {
    sections.functions.push(`### \`${name}\`\n\n\`\`\`ts\n${header(decl)}\n\`\`\`\n\n${docOf(decl, name)}\n`);
  } else if (ts.isClassDeclaration(decl)) {
    const parts = [`### class \`${name}\`\n\n${docOf(decl, name)}\n`];
    for (const m of decl.members) {
      const mods = ts.getCombinedModifierFlags(m);
      if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) || !m.name || ts.isPrivateIdentifier(m.name)) continue;
      if (ts.isConstructorDeclaration(m)) continue;
      const mname = m.name.getText();
      const doc = docOf(m, `${name}.${mname}`);
      parts.push(`#### \`${mods & ts.ModifierFlags.Static ? name : name.toLowerCase()}.${mname}\`\n\n\`\`\`ts\n${header(m).replace(/^readonly /, 'readonly ')}\n\`\`\`\n\n${doc}\n`);
    }
    sections.classes.push(parts.join('\n'));
  } else if (ts.isInterfaceDeclaration(decl)) {
    sections.types.push(`### interface \`${name}\`\n\n${docOf(decl, name)}\n\n${interfaceTable(decl, name)}\n`);
  } else if (ts.isTypeAliasDeclaration(decl)) {
    const doc = docOf(decl, name);
    const isStringUnion = ts.isUnionTypeNode(decl.type) && decl.type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
    if (isStringUnion && decl.type.types.length > 4) {
      const rows = unionRows(decl);
      const table = ['| value | meaning |', '|---|---|'];
      let group = null;
      for (const r of rows) {
        if (r.group !== group) {
          group = r.group;
          if (group) table.push(`| **${cell(group)}** | |`);
        }
        table.push(`| \`${r.name}\` | ${cell(r.meaning)} |`);
      }
      sections.types.push(`### type \`${name}\`\n\n${doc}\n\n${table.join('\n')}\n`);
    } else {
      sections.types.push(`### type \`${name}\`\n\n\`\`\`ts\ntype ${name} = ${flat(decl.type.getText())}\n\`\`\`\n\n${doc}\n`);
    }
  }
}

const mod = checker.getSymbolAtLocation(program.getSourceFile(entry));
const exported = checker.getExportsOfModule(mod).map((s) => [s.name, resolve(s)]);
for (const [name, sym] of exported) describe(name, sym);

const text = `# The p9rt library API

Generated from the doc comments of the source by \`npm run docs:api\` (tools/genapidoc.mjs) — edit
the comments, not this file; a test fails when the two differ. Everything here is exported by the
package's entry, \`import { ... } from 'p9rt'\`, with its TypeScript types.

\`\`\`js
import { compile, Machine } from 'p9rt';

const program = compile('package main\\nimport "fmt"\\nfunc main() { fmt.Println("hi") }\\n', { filename: 'hi.go' });
const m = await Machine.start(program, { onStdout: (s) => process.stdout.write(s) });
const { code, exitString, reason } = await m.exited;
\`\`\`

The trace events are specified in [trace.md](trace.md); the command line in \`p9rt help\`.

## Functions

${sections.functions.join('\n')}
## Classes

${sections.classes.join('\n')}
## Types

${sections.types.join('\n')}`;

if (missing.length) {
  console.error(`genapidoc: no doc comment on:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(out, 'utf8');
  } catch {}
  if (old !== text) {
    console.error('genapidoc: docs/api.md is not what the source gives: run npm run docs:api');
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
}
