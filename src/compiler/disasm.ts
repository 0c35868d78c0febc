// A reader and disassembler for the program image of docs/bytecode.md:
// used by golden tests, by the core engineer to check hand-built images, and
// by `p9rt build` for debugging. It reads only what the image holds, so it
// checks the builder's layout as much as the compiler's code.

import { FuncRec, IMAGE_MAGIC, Img, Intrinsic, Op, TypeRec } from '../../host/abi/defs.js';
import { opInfo } from './opinfo.js';

export interface ImageFunc {
  index: number;
  name: string;
  file: string;
  code: number;
  codelen: number;
  nparams: number;
  nresults: number;
  nlocals: number;
  maxstack: number;
  recoverpc: number;
  flags: number;
}

export interface ImageType {
  id: number;
  kind: number;
  size: number;
  name: string;
  elem: number;
  key: number;
  len: number;
  fields: { name: string; type: number; offset: number }[];
  methods: { id: number; func: number }[];
}

export interface ImageView {
  bytes: Uint8Array;
  funcs: ImageFunc[];
  types: ImageType[];
  methodNames: string[];
  strings: string[];
  nglobals: number;
  entry: number;
  hookFatalpanic: number;
  hookPanicRuntime: number;
  /** the string at a header offset (what STRCONST and name fields hold) */
  stringAt(headerOff: number): string;
}

export function readImage(bytes: Uint8Array): ImageView {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => dv.getUint32(at, true);
  const i32 = (at: number): number => dv.getInt32(at, true);
  if (u32(Img.MAGIC) !== IMAGE_MAGIC) throw new Error('not a p9rt image (bad magic)');
  const dec = new TextDecoder();
  const stringAt = (h: number): string => {
    if (h === 0) return '';
    const data = u32(h);
    const len = u32(h + 4);
    return dec.decode(bytes.subarray(data, data + len));
  };
  const funcs: ImageFunc[] = [];
  const nf = u32(Img.NFUNCS);
  for (let i = 0; i < nf; i++) {
    const r = u32(Img.FUNCS) + i * Img.FUNC_SIZE;
    funcs.push({
      index: i,
      name: stringAt(u32(r + FuncRec.NAME)),
      file: stringAt(u32(r + FuncRec.FILE)),
      code: u32(r + FuncRec.CODE),
      codelen: u32(r + FuncRec.CODELEN),
      nparams: u32(r + FuncRec.NPARAMS),
      nresults: u32(r + FuncRec.NRESULTS),
      nlocals: u32(r + FuncRec.NLOCALS),
      maxstack: u32(r + FuncRec.MAXSTACK),
      recoverpc: i32(r + FuncRec.RECOVERPC),
      flags: u32(r + FuncRec.FLAGS),
    });
  }
  const types: ImageType[] = [];
  const nt = u32(Img.NTYPES);
  for (let i = 0; i < nt; i++) {
    const r = u32(u32(Img.TYPES) + i * 4);
    if (r === 0) {
      types.push({ id: i, kind: 0, size: 0, name: '', elem: 0, key: 0, len: 0, fields: [], methods: [] });
      continue;
    }
    const fields = [];
    const fo = u32(r + TypeRec.FIELDS);
    for (let j = 0; j < u32(r + TypeRec.NFIELDS); j++) {
      fields.push({ name: stringAt(u32(fo + j * 12)), type: u32(fo + j * 12 + 4), offset: u32(fo + j * 12 + 8) });
    }
    const methods = [];
    const mo = u32(r + TypeRec.METHODS);
    for (let j = 0; j < u32(r + TypeRec.NMETHODS); j++) {
      methods.push({ id: u32(mo + j * 8), func: u32(mo + j * 8 + 4) });
    }
    types.push({
      id: i,
      kind: u32(r + TypeRec.KIND),
      size: u32(r + TypeRec.SIZE),
      name: stringAt(u32(r + TypeRec.NAME)),
      elem: u32(r + TypeRec.ELEM),
      key: u32(r + TypeRec.KEY),
      len: u32(r + TypeRec.LEN),
      fields,
      methods,
    });
  }
  const methodNames: string[] = [];
  for (let i = 0; i < u32(Img.NMETHODNAMES); i++) {
    methodNames.push(stringAt(u32(u32(Img.METHODNAMES) + i * 4)));
  }
  const strings: string[] = [];
  for (let i = 0; i < u32(Img.NSTRINGS); i++) strings.push(stringAt(u32(Img.STRINGS) + i * 8));
  return {
    bytes,
    funcs,
    types,
    methodNames,
    strings,
    nglobals: u32(Img.NGLOBALS),
    entry: i32(Img.ENTRY),
    hookFatalpanic: i32(Img.HOOK_FATALPANIC),
    hookPanicRuntime: i32(Img.HOOK_PANICRUNTIME),
    stringAt,
  };
}

const intrinsicNames = new Map<number, string>();
for (const [name, id] of Object.entries(Intrinsic)) {
  if (!intrinsicNames.has(id)) intrinsicNames.set(id, name);
}

/** One function's code as text, one instruction a line: `  pc  OP imm... ; note`. */
export function disasmFunc(img: ImageView, f: ImageFunc): string {
  const dv = new DataView(img.bytes.buffer, img.bytes.byteOffset, img.bytes.byteLength);
  const lines: string[] = [];
  let pc = 0;
  while (pc < f.codelen) {
    const at = f.code + pc;
    const code = img.bytes[at];
    const info = opInfo(code);
    if (!info) {
      lines.push(`  ${pad(pc)}  ??? ${code}`);
      pc++;
      continue;
    }
    let p = at + 1;
    const imms: (number | bigint)[] = [];
    for (const k of info.imms) {
      if (k === 'i64') {
        imms.push(dv.getBigInt64(p, true));
        p += 8;
      } else {
        imms.push(dv.getInt32(p, true));
        p += 4;
      }
    }
    let text = `  ${pad(pc)}  ${info.name}`;
    if (imms.length) text += ' ' + imms.join(' ');
    const note = annotate(img, code, imms);
    if (note) text += ' ; ' + note;
    lines.push(text);
    pc = p - f.code;
  }
  return lines.join('\n');
}

function annotate(img: ImageView, code: number, imms: (number | bigint)[]): string {
  const a = Number(imms[0]);
  switch (code) {
    case Op.STRCONST:
      return JSON.stringify(img.stringAt(a));
    case Op.CALL:
    case Op.FUNCVAL:
    case Op.GO:
    case Op.DEFER:
    case Op.MAKECLOSURE:
      return img.funcs[a]?.name ?? '?';
    case Op.CALLIFACE:
      return img.methodNames[a] ?? '?';
    case Op.INTRINSIC:
      return intrinsicNames.get(a) ?? '?';
    case Op.MAKEIFACE:
    case Op.ASSERT:
    case Op.ASSERTOK:
    case Op.ASSERTIFACE:
    case Op.ASSERTIFACEOK:
    case Op.ASSERTI:
      return img.types[a]?.name ?? '?';
    default:
      return '';
  }
}

function pad(n: number): string {
  return String(n).padStart(4, ' ');
}

/** The whole image as text; `only` restricts the functions to those whose name it accepts. */
export function disassemble(bytes: Uint8Array, only?: (name: string) => boolean): string {
  const img = readImage(bytes);
  const out: string[] = [];
  if (!only) {
    out.push(`entry ${img.entry} (${img.funcs[img.entry]?.name ?? '-'}) globals ${img.nglobals}`);
    out.push(`hooks fatalpanic ${img.hookFatalpanic} panicRuntime ${img.hookPanicRuntime}`);
    for (const t of img.types) {
      if (!t.name && t.kind === 0 && t.id !== 0) continue;
      let s = `type ${t.id} ${t.name} kind ${t.kind} size ${t.size}`;
      if (t.elem) s += ` elem ${t.elem}`;
      if (t.key) s += ` key ${t.key}`;
      if (t.len) s += ` len ${t.len}`;
      if (t.fields.length) s += ' {' + t.fields.map((f) => `${f.name} ${f.type} @${f.offset}`).join('; ') + '}';
      if (t.methods.length) {
        s += ' methods ' + t.methods.map((m) => `${img.methodNames[m.id]}=${img.funcs[m.func]?.name ?? m.func}`).join(' ');
      }
      out.push(s);
    }
  }
  for (const f of img.funcs) {
    if (only && !only(f.name)) continue;
    let h = `func ${f.index} ${f.name} params ${f.nparams} results ${f.nresults} locals ${f.nlocals} stack ${f.maxstack}`;
    if (f.recoverpc >= 0) h += ` recover ${f.recoverpc}`;
    if (f.flags & 1) h += ' variadic';
    out.push(h);
    out.push(disasmFunc(img, f));
  }
  return out.join('\n') + '\n';
}
