// What checking an expression yields: its mode and type (go/types operand),
// plus closures that emit its code later, once the context has decided the
// conversions (untyped constants, boxing into interfaces, struct copies).

import type * as A from './ast.js';
import type { Const } from './constant.js';
import type { FuncObj, Obj } from './objects.js';
import type * as T from './types.js';

export type Mode = 'invalid' | 'novalue' | 'value' | 'const' | 'type' | 'builtin' | 'pkg' | 'nil' | 'multi';

/**
 * Something that can be assigned to. `prep` pushes `words` words (an address,
 * or a map and a key); `load` turns them into the value; `store` consumes
 * them and a value pushed after them.
 */
export interface LValue {
  words: number;
  prep(): void;
  load(): void;
  store(): void;
  /**
   * prep split in Go's two assignment phases (spec "Assignment statements"):
   * `push` evaluates the index and indirection operands (`n` words, calls
   * included, no checks); `finish` turns them into prep's words, doing the
   * nil and bounds checks, which Go does only when the assignment happens.
   * Absent for a variable, whose prep has no effects. `stable`: the
   * operands are locals nothing else can change (and constants), so they
   * may as well be read in phase two.
   */
  split?: { n: number; push(): void; finish(): void; stable?: boolean };
}

/** How a call reaches its function when it is known statically. */
export type Callee =
  // bind: the receiver outlives the statement (method value, go, defer), so a
  // value receiver held by address (a struct or array) is copied now, as Go does
  | { k: 'static'; func: number; fo?: FuncObj; recv?: (bind?: boolean) => void }
  | { k: 'iface'; mid: number; recv: () => void; name: string }
  | { k: 'intrinsic'; id: number; fo: FuncObj };

export interface Operand {
  mode: Mode;
  type: T.Type;
  expr: A.Expr;
  val?: Const;
  /** push the value (all words for 'multi') */
  gen: () => void;
  lv?: LValue;
  addressable?: boolean;
  /** push the address of an addressable operand */
  addr?: () => void;
  /** a struct/array value in a block nobody else holds: no copy needed to keep it */
  fresh?: boolean;
  /** push value and ok (map index, type assertion, receive) */
  commaOk?: () => void;
  callee?: Callee;
  obj?: Obj;
  builtin?: string;
  /** a variable (for error wording "variable of type") */
  isVar?: boolean;
  /**
   * A non-constant untyped value whose code depends on the type the context
   * gives it (`1 << n` in `var b byte = 1 << n`, spec "Operators"): the
   * operand converted to t, or why not.
   */
  retype?: (t: T.Type) => Operand | string;
}

export const noGen = (): void => {};
