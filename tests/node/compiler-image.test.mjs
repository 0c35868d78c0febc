// The image builder and the disassembler agree on the layout of docs/bytecode.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImageBuilder, Code } from '../../dist/src/compiler/image.js';
import { readImage, disassemble } from '../../dist/src/compiler/disasm.js';
import { Op, Kind, Intrinsic, IMAGE_MAGIC, TypeId } from '../../dist/host/abi/defs.js';

test('hand-built image round-trips through the disassembler', () => {
  const b = new ImageBuilder();
  const main = b.declareFunc('main.main', 'x.go');
  const c = new Code();
  c.line(3);
  c.strconst(b.str('hello\n'));
  c.op(Op.PRINTSTR);
  const done = c.label();
  c.const(5);
  c.const(7);
  c.op(Op.LT);
  c.jump(Op.JMPIFNOT, done);
  c.const(0);
  c.intrinsic(Intrinsic['runtime.exit'], 1, 0);
  c.bind(done);
  c.op(Op.RET, [], 0, 0);
  b.defineFunc(main, { code: c, nparams: 0, nresults: 0, nlocals: 0 });
  b.entry = main;
  const t = b.addType({ kind: Kind.STRUCT, size: 16, name: 'main.T', fields: [{ name: 'a', type: TypeId.INT, offset: 0 }, { name: 's', type: TypeId.STRING, offset: 8 }], methods: [{ id: b.methodId('String'), func: main }] });
  b.addGlobal('main.x');
  const img = b.build();
  const v = readImage(img);
  assert.equal(new DataView(img.buffer).getUint32(0, true), IMAGE_MAGIC);
  assert.equal(v.funcs[0].name, 'main.main');
  assert.equal(v.funcs[0].maxstack, 2);
  assert.equal(v.types[t].name, 'main.T');
  assert.deepEqual(v.types[t].fields.map((f) => f.offset), [0, 8]);
  assert.equal(v.types[TypeId.STRING].name, 'string');
  assert.equal(v.nglobals, 1);
  assert.equal(v.methodNames[0], 'String');
  const text = disassemble(img, (n) => n === 'main.main');
  assert.equal(text, [
    'func 0 main.main params 0 results 0 locals 0 stack 2',
    '     0  LINE 3',
    '     5  STRCONST ' + text.match(/STRCONST (\d+)/)[1] + ' ; "hello\\n"',
    '    10  PRINTSTR',
    '    11  CONST 5',
    '    20  CONST 7',
    '    29  LT',
    '    30  JMPIFNOT 49',
    '    35  CONST 0',
    '    44  INTRINSIC 20 ; runtime.exit',
    '    49  RET',
    '',
  ].join('\n'));
});
