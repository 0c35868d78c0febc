// Go's lexical grammar (docs/language.md; the spec's "Lexical elements"):
// tokens, automatic semicolons, and the lexical errors Go reports, in Go's
// words and at Go's positions (cmd/compile's scanner is the reference for
// both). Positions are offsets into the JS string; a byte of the file that
// is not UTF-8 arrives as a lone surrogate (decodeSource) and is reported as
// Go reports it.

import type { Diagnostic } from './diag.js';

export type Tok =
  | 'EOF' | 'name' | 'literal' | 'op' | 'assignop' | 'incop'
  | '=' | ':=' | ':' | ',' | ';' | '.' | '...' | '(' | ')' | '[' | ']' | '{' | '}' | '<-' | '*'
  | 'break' | 'case' | 'chan' | 'const' | 'continue' | 'default' | 'defer' | 'else' | 'fallthrough' | 'for'
  | 'func' | 'go' | 'goto' | 'if' | 'import' | 'interface' | 'map' | 'package' | 'range' | 'return'
  | 'select' | 'struct' | 'switch' | 'type' | 'var';

export const KEYWORDS = new Set<string>([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go',
  'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
]);

export type LitKind = 'INT' | 'FLOAT' | 'IMAG' | 'CHAR' | 'STRING';

/**
 * Decode a file's bytes for the compiler. A byte that is not part of valid
 * UTF-8 becomes the lone surrogate U+DC80+byte, which no valid text holds,
 * so the scanner can report "invalid UTF-8 encoding" where Go does (a
 * decoder that substitutes U+FFFD would hide it).
 */
export function decodeSource(b: Uint8Array): string {
  let out = '';
  let i = 0;
  const n = b.length;
  let run = 0; // start of a run of ASCII copied in one piece
  const flush = (to: number): void => {
    if (to > run) out += String.fromCharCode(...b.subarray(run, to));
  };
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      if (i - run >= 4096) {
        flush(i);
        run = i;
      }
      continue;
    }
    flush(i);
    let len = 0;
    let cp = 0;
    let min = 0;
    if (c >= 0xc2 && c <= 0xdf) [len, cp, min] = [2, c & 0x1f, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [len, cp, min] = [3, c & 0x0f, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [len, cp, min] = [4, c & 0x07, 0x10000];
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) {
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (d & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))) ok = false;
    if (ok) {
      out += String.fromCodePoint(cp);
      i += len;
    } else {
      out += String.fromCharCode(0xdc80 + c);
      i++;
    }
    run = i;
  }
  flush(n);
  return out;
}

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isDecimal = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDecimal(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
const uLetter = /^\p{L}$/u;
const uDigit = /^\p{Nd}$/u;
const uPrint = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;

/** Go's %#U: U+0040 '@' (the character only when printable). */
export function goCharU(cp: number): string {
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  const ch = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp < 0xe000) ? String.fromCodePoint(cp) : '';
  return ch && uPrint.test(ch) ? `${hex} '${ch}'` : hex;
}

/** Go's %q of a rune, for the characters a scanner error can show. */
function goQuoteRune(cp: number): string {
  if (cp === 39) return "'\\''";
  if (cp === 92) return "'\\\\'";
  if (cp === 10) return "'\\n'";
  if (cp === 9) return "'\\t'";
  if (cp === 13) return "'\\r'";
  if (cp < 32 || cp === 127) return `'\\x${cp.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCodePoint(cp)}'`;
}

const baseName = (b: number): string => (b === 2 ? 'binary' : b === 8 ? 'octal' : b === 10 ? 'decimal' : 'hexadecimal');

export class Scanner {
  tok: Tok = 'EOF';
  /** name, literal text, operator, or "semicolon"/"newline"/"EOF" for ';' */
  lit = '';
  litKind: LitKind = 'INT';
  /** a literal that had a lexical error (already reported) */
  bad = false;
  /** binary operator precedence (1..5), 0 for unary-only operators */
  prec = 0;
  pos = 0;
  private i = 0;
  private nlsemi = false;
  readonly diags: Diagnostic[] = [];

  constructor(
    private readonly file: string,
    private readonly src: string,
  ) {
    // a byte-order mark is allowed as the file's first character only
    if (src.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  error(pos: number, msg: string): void {
    this.diags.push({ file: this.file, pos, message: msg });
  }

  /** The code point at offset i (-1 at the end). */
  private cp(i: number): number {
    if (i >= this.src.length) return -1;
    return this.src.codePointAt(i) as number;
  }

  private width(cp: number): number {
    return cp > 0xffff ? 2 : 1;
  }

  /**
   * Checks every character's encoding once, where the scanner first reads
   * it: NUL, bytes that are not UTF-8, and a BOM after the start.
   */
  private checkChar(at: number, cp: number): void {
    if (cp === 0) this.error(at, 'invalid NUL character');
    else if (cp >= 0xd800 && cp < 0xe000) this.error(at, 'invalid UTF-8 encoding');
    else if (cp === 0xfeff) this.error(at, 'invalid BOM in the middle of the file');
  }

  next(): void {
    const nlsemi = this.nlsemi;
    this.nlsemi = false;
    const s = this.src;
    for (;;) {
      let c = this.cp(this.i);
      while (c === 32 || c === 9 || c === 13 || (c === 10 && !nlsemi)) c = this.cp(++this.i);
      this.pos = this.i;
      this.bad = false;
      if (c === -1) {
        if (nlsemi) {
          this.tok = ';';
          this.lit = 'EOF';
          return;
        }
        this.tok = 'EOF';
        return;
      }
      if (c === 10) {
        this.i++;
        this.tok = ';';
        this.lit = 'newline';
        return;
      }
      if (isLetter(c) || (c >= 0x80 && this.identStart(c))) {
        this.ident();
        return;
      }
      if (isDecimal(c) || (c === 46 && isDecimal(this.cp(this.i + 1)))) {
        this.number();
        return;
      }
      const c1 = this.cp(this.i + 1);
      const op = (t: Tok, lit: string, prec = 0, semi = false): void => {
        this.tok = t;
        this.lit = lit;
        this.prec = prec;
        this.i += lit.length;
        this.nlsemi = semi;
      };
      // an operator that has an assignment form (+=) and maybe a doubled one (++, <<, &&)
      const arith = (ch: string, prec: number): void => {
        if (c1 === 61) op('assignop', ch, prec);
        else op('op', ch, prec);
        if (this.tok === 'assignop') this.i++;
      };
      switch (c) {
        case 34: this.stdString(); return;
        case 96: this.rawString(); return;
        case 39: this.rune(); return;
        case 40: op('(', '('); return;
        case 91: op('[', '['); return;
        case 123: op('{', '{'); return;
        case 41: op(')', ')', 0, true); return;
        case 93: op(']', ']', 0, true); return;
        case 125: op('}', '}', 0, true); return;
        case 44: op(',', ','); return;
        case 59: op(';', ';'); this.lit = 'semicolon'; return;
        case 46:
          if (c1 === 46 && this.cp(this.i + 2) === 46) op('...', '...');
          else op('.', '.');
          return;
        case 58:
          if (c1 === 61) op(':=', ':=');
          else op(':', ':');
          return;
        case 43: case 45: {
          const ch = String.fromCharCode(c);
          if (c1 === c) op('incop', ch + ch, 0, true);
          else arith(ch, 4);
          if (this.tok === 'incop') this.lit = ch;
          return;
        }
        case 42: {
          // '*' is its own token: a type's pointer, a dereference, a product
          if (c1 === 61) arith('*', 5);
          else op('*', '*', 5);
          return;
        }
        case 47: {
          if (c1 === 47) {
            // a line comment: the newline after it still ends the statement
            const e = s.indexOf('\n', this.i);
            this.skipTo(e < 0 ? s.length : e);
            continue;
          }
          if (c1 === 42) {
            const start = this.i;
            const e = s.indexOf('*/', this.i + 2);
            if (e < 0) {
              this.skipTo(s.length);
              this.error(start, 'comment not terminated');
              continue;
            }
            const hasNL = s.slice(this.i, e).includes('\n');
            this.skipTo(e);
            this.i = e + 2;
            if (nlsemi && hasNL) {
              // a comment spanning lines acts as a newline
              this.pos = start;
              this.tok = ';';
              this.lit = 'newline';
              return;
            }
            continue;
          }
          arith('/', 5);
          return;
        }
        case 37: arith('%', 5); return;
        case 38:
          if (c1 === 38) op('op', '&&', 2);
          else if (c1 === 94) {
            if (this.cp(this.i + 2) === 61) {
              op('assignop', '&^', 5);
              this.i++;
            } else op('op', '&^', 5);
          } else arith('&', 5);
          return;
        case 124:
          if (c1 === 124) op('op', '||', 1);
          else arith('|', 4);
          return;
        case 94: arith('^', 4); return;
        case 60:
          if (c1 === 60) {
            if (this.cp(this.i + 2) === 61) {
              op('assignop', '<<', 5);
              this.i++;
            } else op('op', '<<', 5);
          } else if (c1 === 61) op('op', '<=', 3);
          else if (c1 === 45) op('<-', '<-');
          else op('op', '<', 3);
          return;
        case 62:
          if (c1 === 62) {
            if (this.cp(this.i + 2) === 61) {
              op('assignop', '>>', 5);
              this.i++;
            } else op('op', '>>', 5);
          } else if (c1 === 61) op('op', '>=', 3);
          else op('op', '>', 3);
          return;
        case 61:
          if (c1 === 61) op('op', '==', 3);
          else op('=', '=');
          return;
        case 33:
          if (c1 === 61) op('op', '!=', 3);
          else op('op', '!', 0);
          return;
        case 126: op('op', '~', 0); return;
        default:
          this.checkChar(this.i, c);
          if (!(c === 0 || (c >= 0xd800 && c < 0xe000) || c === 0xfeff)) this.error(this.i, `invalid character ${goCharU(c)}`);
          this.i += this.width(c);
          continue;
      }
    }
  }

  /** Move over comment text to `to`, checking its characters. */
  private skipTo(to: number): void {
    const s = this.src;
    for (let j = this.i; j < to; j++) {
      const c = s.charCodeAt(j);
      if (c === 0 || (c >= 0xd800 && c < 0xe000 && !(c < 0xdc00 && j + 1 < to && (s.charCodeAt(j + 1) & 0xfc00) === 0xdc00)) || c === 0xfeff) {
        this.checkChar(j, c);
      } else if (c >= 0xd800 && c < 0xdc00) j++;
    }
    this.i = to;
  }

  private identStart(c: number): boolean {
    const ch = String.fromCodePoint(c);
    if (uLetter.test(ch)) return true;
    if (uDigit.test(ch)) {
      this.error(this.i, `identifier cannot begin with digit ${goCharU(c)}`);
      return true;
    }
    return false;
  }

  private ident(): void {
    const s = this.src;
    const start = this.i;
    for (;;) {
      const c = this.cp(this.i);
      if (isLetter(c) || isDecimal(c)) {
        this.i++;
        continue;
      }
      if (c < 0x80) break;
      const ch = String.fromCodePoint(c);
      if (uLetter.test(ch) || uDigit.test(ch)) {
        this.i += this.width(c);
        continue;
      }
      // Go takes any non-ASCII character into the identifier, reporting it
      // (U+200B, U+2028 and friends are not letters)
      if (c === 0xfeff || (c >= 0xd800 && c < 0xe000)) this.checkChar(this.i, c);
      else this.error(this.i, `invalid character ${goCharU(c)} in identifier`);
      this.i += this.width(c);
    }
    const lit = s.slice(start, this.i);
    if (KEYWORDS.has(lit)) {
      this.tok = lit as Tok;
      this.lit = lit;
      this.nlsemi = lit === 'break' || lit === 'continue' || lit === 'fallthrough' || lit === 'return';
      return;
    }
    this.tok = 'name';
    this.lit = lit;
    this.nlsemi = true;
  }

  private number(): void {
    const s = this.src;
    const start = this.i;
    let ok = true;
    let kind: LitKind = 'INT';
    let base = 10;
    let prefix = '';
    let invalid = -1; // offset of the first digit not allowed in base
    let sawSep = false;
    const err = (at: number, msg: string): void => {
      if (ok) this.error(at, msg);
      ok = false;
    };
    const digits = (b: number): number => {
      // digits and '_' of base b (decimal digits are read for octal and binary
      // too, and reported); bit 0: a digit was seen, bit 1: a '_'
      let r = 0;
      for (;;) {
        const c = this.cp(this.i);
        if (c === 95) r |= 2;
        else if (b <= 10 ? isDecimal(c) : isHex(c)) {
          r |= 1;
          if (b < 10 && c - 48 >= b && invalid < 0) invalid = this.i;
        } else break;
        this.i++;
      }
      if (r & 2) sawSep = true;
      return r;
    };
    let c = this.cp(this.i);
    if (c !== 46) {
      if (c === 48) {
        this.i++;
        c = this.cp(this.i) | 0x20;
        if (c === 120) [base, prefix] = [16, 'x'];
        else if (c === 111) [base, prefix] = [8, 'o'];
        else if (c === 98) [base, prefix] = [2, 'b'];
        else [base, prefix] = [8, '0'];
        if (prefix !== '0') this.i++;
        const r = digits(base);
        if (prefix === '0') sawSep = sawSep || (r & 2) !== 0;
        if (!(r & 1) && prefix !== '0') err(this.i, `${baseName(base)} literal has no digits`);
      } else digits(10);
      c = this.cp(this.i);
    }
    if (c === 46) {
      kind = 'FLOAT';
      if (prefix === 'o' || prefix === 'b') err(this.i, `invalid radix point in ${baseName(base)} literal`);
      this.i++;
      digits(base === 16 ? 16 : 10);
    }
    c = this.cp(this.i) | 0x20;
    if (c === 101 || c === 112) {
      const e = c;
      if (e === 101 && prefix !== '' && prefix !== '0') err(this.i, `'${String.fromCharCode(this.cp(this.i))}' exponent requires decimal mantissa`);
      else if (e === 112 && prefix !== 'x') err(this.i, `'${String.fromCharCode(this.cp(this.i))}' exponent requires hexadecimal mantissa`);
      this.i++;
      kind = 'FLOAT';
      const sign = this.cp(this.i);
      if (sign === 43 || sign === 45) this.i++;
      if (!(digits(10) & 1)) err(this.i, 'exponent has no digits');
    } else if (prefix === 'x' && kind === 'FLOAT') err(this.i, "hexadecimal mantissa requires a 'p' exponent");
    if (this.cp(this.i) === 105) {
      kind = 'IMAG';
      this.i++;
    }
    const lit = s.slice(start, this.i);
    if (kind === 'INT' && invalid >= 0) err(invalid, `invalid digit '${s[invalid]}' in ${baseName(base)} literal`);
    if (ok && sawSep) {
      const at = badSeparator(lit);
      if (at >= 0) err(start + at, "'_' must separate successive digits");
    }
    this.tok = 'literal';
    this.lit = lit;
    this.litKind = kind;
    this.bad = !ok;
    this.nlsemi = true;
  }

  /** Reads one escape after '\'; reports it as Go does. */
  private escape(quote: number): boolean {
    const c = this.cp(this.i);
    let n = 0;
    let base = 0;
    let max = 0;
    if (c === quote || c === 97 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116 || c === 118 || c === 92) {
      this.i++;
      return true;
    }
    if (c >= 48 && c <= 55) [n, base, max] = [3, 8, 255];
    else if (c === 120) [n, base, max] = [2, 16, 255];
    else if (c === 117) [n, base, max] = [4, 16, 0x10ffff];
    else if (c === 85) [n, base, max] = [8, 16, 0x10ffff];
    else {
      if (c < 0) return true;
      this.error(this.i, 'unknown escape');
      return false;
    }
    if (base === 16) this.i++;
    let x = 0;
    for (let k = 0; k < n; k++) {
      const d0 = this.cp(this.i);
      if (d0 < 0) return true;
      let d = base;
      if (isDecimal(d0)) d = d0 - 48;
      else if ((d0 | 0x20) >= 97 && (d0 | 0x20) <= 102) d = (d0 | 0x20) - 87;
      if (d >= base) {
        this.error(this.i, `invalid character ${goQuoteRune(d0)} in ${baseName(base)} escape`);
        return false;
      }
      x = x * base + d;
      this.i++;
    }
    if (x > max && base === 8) {
      this.error(this.i, `octal escape value ${x} > 255`);
      return false;
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) {
      this.error(this.i, `escape is invalid Unicode code point ${goCharU(x)}`);
      return false;
    }
    return true;
  }

  private stdString(): void {
    const start = this.i;
    let ok = true;
    this.i++;
    for (;;) {
      const c = this.cp(this.i);
      if (c === 34) {
        this.i++;
        break;
      }
      if (c === 92) {
        this.i++;
        if (!this.escape(34)) ok = false;
        continue;
      }
      if (c === 10) {
        this.error(this.i, 'newline in string');
        ok = false;
        break;
      }
      if (c < 0) {
        this.error(start, 'string not terminated');
        ok = false;
        break;
      }
      this.checkChar(this.i, c);
      this.i += this.width(c);
    }
    this.literal(start, 'STRING', ok);
  }

  private rawString(): void {
    const start = this.i;
    let ok = true;
    this.i++;
    for (;;) {
      const c = this.cp(this.i);
      if (c === 96) {
        this.i++;
        break;
      }
      if (c < 0) {
        this.error(start, 'string not terminated');
        ok = false;
        break;
      }
      this.checkChar(this.i, c);
      this.i += this.width(c);
    }
    this.literal(start, 'STRING', ok);
  }

  private rune(): void {
    const start = this.i;
    let ok = true;
    this.i++;
    for (let n = 0; ; n++) {
      const c = this.cp(this.i);
      if (c === 39) {
        if (ok) {
          if (n === 0) {
            this.error(this.i, "empty rune literal or unescaped '");
            ok = false;
          } else if (n !== 1) {
            this.error(start, 'more than one character in rune literal');
            ok = false;
          }
        }
        this.i++;
        break;
      }
      if (c === 92) {
        this.i++;
        if (!this.escape(39)) ok = false;
        continue;
      }
      if (c === 10) {
        if (ok) this.error(this.i, 'newline in rune literal');
        ok = false;
        break;
      }
      if (c < 0) {
        if (ok) this.error(start, 'rune literal not terminated');
        ok = false;
        break;
      }
      this.checkChar(this.i, c);
      this.i += this.width(c);
    }
    this.literal(start, 'CHAR', ok);
  }

  private literal(start: number, kind: LitKind, ok: boolean): void {
    this.tok = 'literal';
    this.lit = this.src.slice(start, this.i);
    this.litKind = kind;
    this.bad = !ok;
    this.nlsemi = true;
  }
}

/** Offset of a '_' that does not separate two digits (the prefix counts as one), or -1. */
function badSeparator(x: string): number {
  let prefix = ' ';
  // what came before: '0' a digit, '_' a separator, '.' anything else
  let d = '.';
  let i = 0;
  if (x.length >= 2 && x[0] === '0' && /[xXoObB]/.test(x[1])) {
    prefix = x[1].toLowerCase();
    d = '0';
    i = 2;
  }
  for (; i < x.length; i++) {
    const p = d;
    const ch = x[i];
    if (ch === '_') {
      if (p !== '0') return i;
      d = '_';
    } else if (/[0-9]/.test(ch) || (prefix === 'x' && /[a-fA-F]/.test(ch))) d = '0';
    else {
      if (p === '_') return i - 1;
      d = '.';
    }
  }
  return d === '_' ? x.length - 1 : -1;
}
