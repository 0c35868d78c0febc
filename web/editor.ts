// The Go source editor: CodeMirror 6 with @codemirror/lang-go, whose grammar is @lezer/go, the
// parser the compiler itself uses. Compile errors arrive as Go prints them (file:line:col, the
// column counted in bytes) and are drawn under their spot; replay highlights the line a
// goroutine is running.
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { go } from '@codemirror/lang-go';

/** One compile error as the compiler reports it (1-based line, 1-based byte column). */
export interface SourceError {
  line: number;
  col: number;
  message: string;
}

// The replayed line: a StateField so it survives edits elsewhere and maps through them.
const setRunLine = StateEffect.define<number | null>();
const runLineMark = Decoration.line({ class: 'cm-run-line', attributes: { 'data-run-line': 'true' } });
const runLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setRunLine)) continue;
      const n = e.value;
      deco = n === null || n < 1 || n > tr.state.doc.lines ? Decoration.none : Decoration.set([runLineMark.range(tr.state.doc.line(n).from)]);
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// Go's column counts bytes of UTF-8; CodeMirror positions count UTF-16 units.
function byteColToOffset(text: string, col: number): number {
  const enc = new TextEncoder();
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < col - 1) {
    const cp = text.codePointAt(i)!;
    const s = String.fromCodePoint(cp);
    bytes += enc.encode(s).length;
    i += s.length;
  }
  return i;
}

export class SourceEditor {
  readonly view: EditorView;
  private changed: (() => void) | null = null;
  /** Ctrl+Enter, Cmd+Enter or Shift+Enter in the editor: run the program. */
  onRun: (() => void) | null = null;

  constructor(parent: HTMLElement, labelledBy: string) {
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLineGutter(),
      history(),
      drawSelection(),
      indentOnInput(),
      indentUnit.of('\t'),
      EditorState.tabSize.of(4),
      bracketMatching(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      highlightActiveLine(),
      lintGutter(),
      runLine,
      go(),
      // Tab indents, as in any Go editor; Escape then Tab leaves the editor (CodeMirror's own
      // escape hatch), so keyboard users are never trapped.
      keymap.of([
        { key: 'Mod-Enter', run: () => (this.onRun?.(), true) },
        { key: 'Shift-Enter', run: () => (this.onRun?.(), true) },
        ...defaultKeymap,
        ...historyKeymap,
        indentWithTab,
      ]),
      EditorView.contentAttributes.of({
        'aria-labelledby': labelledBy,
        'aria-describedby': 'source-help',
        spellcheck: 'false',
        autocapitalize: 'off',
        autocorrect: 'off',
      }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) this.changed?.();
      }),
    ];
    this.view = new EditorView({ parent, state: EditorState.create({ doc: '', extensions }) });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  set text(s: string) {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: s },
      effects: setRunLine.of(null),
    });
    this.showErrors([]);
  }

  onChange(f: () => void): void {
    this.changed = f;
  }

  /** Underline each error at its line:col (to the end of the word there), with its message. */
  showErrors(errors: SourceError[]): void {
    const doc = this.view.state.doc;
    const diagnostics: Diagnostic[] = [];
    for (const e of errors) {
      if (e.line < 1 || e.line > doc.lines) continue;
      const line = doc.line(e.line);
      const from = line.from + byteColToOffset(line.text, e.col);
      const word = /^[\p{L}\p{N}_]+/u.exec(line.text.slice(from - line.from));
      const to = Math.min(line.to, from + Math.max(1, word ? word[0].length : 1));
      diagnostics.push({ from, to: Math.max(to, from), severity: 'error', message: `${e.line}:${e.col}: ${e.message}`, source: 'p9rt' });
    }
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Highlight the line a goroutine runs (replay); null clears it. */
  highlightLine(n: number | null): void {
    this.view.dispatch({ effects: setRunLine.of(n) });
    if (n !== null && n >= 1 && n <= this.view.state.doc.lines) {
      this.view.dispatch({ effects: EditorView.scrollIntoView(this.view.state.doc.line(n).from, { y: 'nearest' }) });
    }
  }

  focus(): void {
    this.view.focus();
  }
}
