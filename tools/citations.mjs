// The project's citations of its own documents: every `docs/NAME.md` the
// code, tests and documents name, with the sections (`§2.4`, `§5 item 19`,
// `§3.9.7`, `§1.2-1.8`) and quoted headings (`docs/toolchain.md "Browser"`)
// that follow it, checked against the documents themselves.
//
//   node tools/citations.mjs        prints every citation that does not resolve
//
// A section number resolves when the document has that heading (`## 3.`,
// `### 3.9 ...`) or when the number's last part is an item (`7. ...` at the
// start of a line) under the heading its other parts name: `§3.9.7` is item 7
// of §3.9, `§5.19` and `§5 item 19` are item 19 of §5. A quoted text resolves
// when the document contains it, case and line breaks aside. A bare `§` in a
// file that names docs/plan9-notes.md is read as a section of that document.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', 'build', '.git', '.vite']);
const EXT = /\.(ts|mjs|js|go|md|html|json)$/;

function walk(dir, out = []) {
  for (const n of readdirSync(dir)) {
    if (SKIP.has(n) || n.startsWith('.')) continue;
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (EXT.test(n) && n !== 'package-lock.json') out.push(p);
  }
  return out;
}

/** The sections and items of one markdown document. */
export function outline(md) {
  const sections = new Set();
  const items = new Set(); // "3.9#7"
  let cur = null;
  for (const line of md.split('\n')) {
    const h = /^#{2,6}\s+(\d+(?:\.\d+)*)\.?\s/.exec(line);
    if (h) {
      cur = h[1];
      sections.add(cur);
      continue;
    }
    if (/^#{1,6}\s/.test(line)) {
      cur = null;
      continue;
    }
    const it = /^(\d+)\.\s/.exec(line);
    if (it && cur) items.add(`${cur}#${it[1]}`);
  }
  return { sections, items };
}

/** Does "3.9.7" (or "5", "1.4") name a heading or an item of the outline? */
export function resolves(o, num) {
  if (o.sections.has(num)) return true;
  const i = num.lastIndexOf('.');
  return i > 0 && o.items.has(`${num.slice(0, i)}#${num.slice(i + 1)}`);
}

/** Comment markers and line breaks folded away, so a citation may span lines. */
function flat(text) {
  return text.replace(/\n[ \t]*(?:\/\/+|\*+|#+|<!--)?[ \t]*/g, ' ');
}

const NUM = String.raw`\d+(?:\.\d+)*`;
// §5 item 19 | §5 items 21-29 | §5 items 21, 23, 24 | §1.2-1.8 | §3.9.7
const SECTION = new RegExp(
  String.raw`§\s*(${NUM})(?:\s*[-–]\s*(${NUM}))?(?:\s+items?\s+(\d+(?:\s*(?:[-–,]|and)\s*\d+)*))?`,
  'g',
);

/** The section numbers one `§...` match stands for. */
function numbers(m) {
  const out = [m[1]];
  if (m[2]) out.push(m[2]);
  if (m[3]) for (const n of m[3].match(/\d+/g)) out.push(`${m[1]}.${n}`);
  return out;
}

/** Every citation in the repository: { file, doc, what, ok }. */
export function citations() {
  const docs = new Map();
  const doc = (name) => {
    if (!docs.has(name)) {
      const p = join(root, 'docs', name);
      const text = existsSync(p) ? readFileSync(p, 'utf8') : null;
      docs.set(name, text === null ? null : { text, flat: flat(text).toLowerCase().replace(/\s+/g, ' '), outline: outline(text) });
    }
    return docs.get(name);
  };
  const out = [];
  for (const file of walk(root)) {
    const rel = relative(root, file);
    const text = flat(readFileSync(file, 'utf8'));
    const cited = new RegExp(String.raw`docs/([a-z0-9-]+\.md)`, 'g');
    let m;
    const spans = [];
    while ((m = cited.exec(text))) {
      const name = m[1];
      const d = doc(name);
      out.push({ file: rel, doc: name, what: 'file', ok: d !== null });
      if (!d) continue;
      // What follows the name: `§...` sections up to the end of the clause, or a quoted heading.
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 160);
      const q = /^[,:]?\s*(?:"([^"]+)"|“([^”]+)”)/.exec(after);
      if (q) {
        const quote = (q[1] ?? q[2]).toLowerCase().replace(/\s+/g, ' ');
        out.push({ file: rel, doc: name, what: `"${q[1] ?? q[2]}"`, ok: d.flat.includes(quote) });
      }
      const clause = /^[^)."]*/.exec(after.replace(/\d\.\d/g, (x) => x.replace('.', '\u0000')))[0].replace(/\u0000/g, '.');
      for (const s of clause.matchAll(SECTION)) {
        for (const n of numbers(s)) out.push({ file: rel, doc: name, what: `§${n}`, ok: resolves(d.outline, n) });
      }
      spans.push([m.index, m.index + m[0].length + clause.length]);
    }
    // Bare § in a file that cites the spec (or is the spec).
    if (rel === 'docs/plan9-notes.md' || text.includes('docs/plan9-notes.md')) {
      const d = doc('plan9-notes.md');
      if (!d) continue;
      for (const s of text.matchAll(SECTION)) {
        if (spans.some(([a, b]) => s.index >= a && s.index < b)) continue;
        for (const n of numbers(s)) out.push({ file: rel, doc: 'plan9-notes.md', what: `§${n}`, ok: resolves(d.outline, n) });
      }
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const all = citations();
  const bad = all.filter((c) => !c.ok);
  for (const c of bad) console.log(`${c.file}: docs/${c.doc} ${c.what === 'file' ? 'does not exist' : c.what + ' does not resolve'}`);
  console.log(`${all.length} citations, ${bad.length} unresolved`);
  process.exit(bad.length ? 1 : 0);
}
