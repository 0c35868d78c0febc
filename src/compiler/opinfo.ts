// Per-opcode facts the emitter and the disassembler share: the immediates
// that follow each opcode byte and the fixed operand-stack effect. Ops whose
// effect depends on an immediate or on a callee's signature have effect
// `null`; the emitter's specialised methods compute theirs.

import { Op } from '../../host/abi/defs.js';

export type Imm = 'i32' | 'i64';

export interface OpInfo {
  name: string;
  imms: Imm[];
  pop: number | null;
  push: number | null;
}

const info = new Map<number, OpInfo>();

function def(names: string[], imms: Imm[], pop: number | null, push: number | null): void {
  for (const name of names) {
    const code = (Op as Record<string, number>)[name];
    if (code === undefined) throw new Error(`opinfo: no opcode ${name} in defs.ts`);
    info.set(code, { name, imms, pop, push });
  }
}

def(['NOP', 'RUNDEFERS', 'PRINTSP', 'PRINTNL'], [], 0, 0);
def(['CONST'], ['i64'], 0, 1);
def(['LOCAL', 'GLOBAL', 'CAPTURE', 'STRCONST', 'FUNCVAL'], ['i32'], 0, 1);
def(['SETLOCAL', 'SETGLOBAL'], ['i32'], 1, 0);
def(['TEELOCAL'], ['i32'], 1, 1);
def(['DUP'], [], 1, 2);
def(['DROP'], [], 1, 0);
def(['SWAP'], [], 2, 2);
def(['OVER'], [], 2, 3);
def(
  ['ADD', 'SUB', 'MUL', 'DIV', 'DIVU', 'REM', 'REMU', 'AND', 'OR', 'XOR', 'ANDNOT', 'SHL', 'SHR', 'SHRU',
    'EQ', 'NE', 'LT', 'LE', 'GT', 'GE', 'LTU', 'LEU', 'GTU', 'GEU',
    'FADD', 'FSUB', 'FMUL', 'FDIV', 'FEQ', 'FNE', 'FLT', 'FLE', 'FGT', 'FGE'],
  [], 2, 1,
);
def(
  ['NEG', 'COMPL', 'NOT', 'EXT8S', 'EXT16S', 'EXT32S', 'EXT8U', 'EXT16U', 'EXT32U',
    'FNEG', 'I2F', 'U2F', 'F2I', 'F2U'],
  [], 1, 1,
);
def(['JMP'], ['i32'], 0, 0);
def(['JMPIF', 'JMPIFNOT'], ['i32'], 1, 0);
def(['CALL', 'CALLCLOSURE', 'INTRINSIC', 'GOCLOSURE', 'DEFERCLOSURE'], ['i32'], null, null);
def(['CALLIFACE', 'GO', 'DEFER', 'MAKECLOSURE'], ['i32', 'i32'], null, null);
def(['RET'], [], null, null);
def(['PANIC'], [], 1, 0);
def(['RECOVER'], [], 0, 1);
def(['ALLOC'], ['i32'], 0, 1);
def(['LOAD', 'LOAD8U', 'LOAD8S', 'NEWCOPY', 'FIELDADDR'], ['i32'], 1, 1);
def(['STORE', 'STORE8', 'COPY'], ['i32'], 2, 0);
def(['ZERO'], ['i32'], 1, 0);
def(['NILCHECK'], [], 1, 1);
def(['STRLEN', 'STRFROMBYTES', 'BYTESFROMSTR', 'STRFROMRUNE', 'STRFROMRUNES', 'RUNESFROMSTR'], [], 1, 1);
def(['STRINDEX', 'STRCAT', 'STRCMP', 'STREQ', 'APPENDSTR'], [], 2, 1);
def(['STRDECODERUNE'], [], 2, 2);
def(['STRSLICE'], ['i32'], null, 1);
def(['MAKESLICE', 'INDEXADDR', 'APPEND', 'APPENDSLICE', 'COPYSLICE'], ['i32'], 2, 1);
def(['LEN', 'CAP'], [], 1, 1);
def(['SLICE'], ['i32', 'i32'], null, 1);
def(['ARRAYSLICE'], ['i32', 'i32', 'i32'], null, 1);
def(['ARRAYINDEXADDR'], ['i32', 'i32'], 2, 1);
def(['SLICELIT'], ['i32', 'i32'], null, 1);
def(['MAKEMAP'], ['i32'], 1, 1);
def(['MAPGET'], ['i32'], 2, 2);
def(['MAPSET'], ['i32'], 3, 0);
def(['MAPDELETE'], ['i32'], 2, 0);
def(['MAPLEN', 'MAPITER'], [], 1, 1);
def(['MAPNEXT'], [], 1, 3);
def(['MAKEIFACE', 'ASSERT', 'ASSERTIFACE'], ['i32'], 1, 1);
def(['ASSERTOK', 'ASSERTIFACEOK'], ['i32'], 1, 2);
def(['ASSERTI'], ['i32', 'i32'], 1, 1);
def(['IFACETYPE', 'IFACEDATA'], [], 1, 1);
def(['IFACEEQ'], [], 2, 1);
def(['MAKECHAN', 'RECV', 'CHANLEN', 'CHANCAP'], [], 1, 1);
def(['SEND'], [], 2, 0);
def(['RECVOK'], [], 1, 2);
def(['CLOSE'], [], 1, 0);
def(['SELECT'], ['i32', 'i32'], null, 3);
def(['PRINTINT', 'PRINTUINT', 'PRINTFLOAT', 'PRINTSTR', 'PRINTBOOL', 'PRINTPTR', 'PRINTIFACE'], [], 1, 0);
def(['LINE'], ['i32'], 0, 0);

for (const [name, code] of Object.entries(Op)) {
  if (!info.has(code)) throw new Error(`opinfo: opcode ${name} has no operand description`);
}

/** The description of an opcode, or undefined for a byte that is no opcode. */
export function opInfo(code: number): OpInfo | undefined {
  return info.get(code);
}

/** Bytes an instruction with this opcode takes, opcode byte included. */
export function opSize(code: number): number {
  const i = info.get(code);
  if (!i) throw new Error(`no opcode ${code}`);
  let n = 1;
  for (const imm of i.imms) n += imm === 'i64' ? 8 : 4;
  return n;
}
