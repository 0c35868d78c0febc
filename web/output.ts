// The output pane. A program can print faster than a page can lay text out, so writes are only
// collected as they arrive and reach the page at most once per frame, and the pane holds a
// bounded tail: older lines are counted ("N lines not shown") and kept whole in memory for the
// "Download all" link, never in the document.

type Stream = 'stdout' | 'stderr';

/** Lines the pane shows at most. */
const TAIL_LINES = 1000;
/** Characters of one line beyond which it is cut in the pane (the download has all of it). */
const LINE_CHARS = 2000;
/** Characters kept for the download at most. */
const KEEP_CHARS = 64 << 20;
/** Characters the pane shows at most. */
const TAIL_CHARS = 200_000;

interface Piece {
  stream: Stream;
  text: string;
}

export class OutputPane {
  /** Everything written, in order, for the download. */
  private all: Piece[] = [];
  private pending: Piece[] = [];
  /** What the pane shows: the last lines, as pieces. */
  private tail: Piece[] = [];
  private tailLines = 0;
  private hiddenLines = 0;
  private hiddenChars = 0;
  private totalChars = 0;
  private frame = 0;

  constructor(
    private readonly pre: HTMLPreElement,
    private readonly more: HTMLElement,
    private readonly filename: () => string,
  ) {}

  clear(): void {
    this.all = [];
    this.pending = [];
    this.tail = [];
    this.tailLines = 0;
    this.hiddenLines = 0;
    this.hiddenChars = 0;
    this.totalChars = 0;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pre.replaceChildren();
    this.more.replaceChildren();
    this.more.hidden = true;
  }

  write(stream: Stream, s: string): void {
    if (s === '') return;
    // The download keeps the first KEEP_CHARS: a page has only so much memory.
    if (this.totalChars < KEEP_CHARS) {
      const last = this.all[this.all.length - 1];
      if (last && last.stream === stream && last.text.length < 1 << 16) last.text += s;
      else this.all.push({ stream, text: s });
    }
    this.totalChars += s.length;
    this.pending.push({ stream, text: s });
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  /** Whatever is pending reaches the page now (the run ended). */
  flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.pending.length === 0) return;
    for (const p of this.pending) {
      const prev = this.tail[this.tail.length - 1];
      if (prev && prev.stream === p.stream) prev.text += p.text;
      else this.tail.push({ ...p });
      this.tailLines += count(p.text);
    }
    this.pending = [];
    this.trim();
    this.draw();
  }

  /** Drop whole lines from the front of the tail beyond TAIL_LINES. */
  private trim(): void {
    let drop = this.tailLines - TAIL_LINES;
    while (drop > 0 && this.tail.length > 0) {
      const p = this.tail[0];
      const n = count(p.text);
      if (n <= drop) {
        this.tail.shift();
        this.tailLines -= n;
        this.hiddenLines += n;
        drop -= n;
        continue;
      }
      let at = -1;
      for (let k = 0; k < drop; k++) at = p.text.indexOf('\n', at + 1);
      p.text = p.text.slice(at + 1);
      this.tailLines -= drop;
      this.hiddenLines += drop;
      drop = 0;
    }
    // A program that never ends its line is held to TAIL_CHARS too.
    let chars = 0;
    for (const p of this.tail) chars += p.text.length;
    while (chars > TAIL_CHARS && this.tail.length > 0) {
      const p = this.tail[0];
      const cut = p.text.slice(0, chars - TAIL_CHARS);
      p.text = p.text.slice(cut.length);
      if (p.text === '') this.tail.shift();
      chars -= cut.length;
      const n = count(cut);
      this.tailLines -= n;
      this.hiddenLines += n;
      this.hiddenChars += cut.length;
    }
  }

  private draw(): void {
    const pre = this.pre;
    const stick = pre.scrollHeight - pre.scrollTop - pre.clientHeight < 24;
    pre.replaceChildren(
      ...this.tail.map((p) => {
        const span = document.createElement('span');
        span.className = p.stream;
        span.textContent = p.text.length > LINE_CHARS * 4 ? cutLong(p.text) : p.text;
        return span;
      }),
    );
    if (stick) pre.scrollTop = pre.scrollHeight;
    const hidden = this.hiddenLines > 0 || this.hiddenChars > 0;
    this.more.hidden = !hidden;
    if (hidden) {
      const a = document.createElement('a');
      a.href = '#';
      a.id = 'output-download';
      a.textContent = 'download all of it';
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        this.download();
      });
      this.more.replaceChildren(`${this.hiddenLines.toLocaleString('en')} earlier line${this.hiddenLines === 1 ? '' : 's'} not shown (${mib(this.totalChars)} in all): `, a, this.totalChars > KEEP_CHARS ? ` (its first ${mib(KEEP_CHARS)})` : '');
      this.more.dataset.hidden = String(this.hiddenLines);
    }
  }

  /** The whole output, stdout and stderr interleaved as written. */
  text(): string {
    return this.all.map((p) => p.text).join('');
  }

  download(): void {
    const blob = new Blob(this.all.map((p) => p.text), { type: 'text/plain' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${this.filename().replace(/\.go$/, '')}.output.txt`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }
}

function count(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lines longer than LINE_CHARS, cut in the pane with a mark. */
function cutLong(s: string): string {
  return s
    .split('\n')
    .map((l) => (l.length > LINE_CHARS ? `${l.slice(0, LINE_CHARS)}… (${l.length - LINE_CHARS} more characters in the download)` : l))
    .join('\n');
}

function mib(chars: number): string {
  return chars >= 1 << 20 ? `${(chars / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}
