// Names Go has that p9rt's subset leaves out: their errors say so instead of
// reading as if the program were wrong.

import { stdAPI, stdMembers } from './stdapi.js';
import { isExported, type Type } from './types.js';

/**
 * The error for pkg.name that p9rt's package lacks: a name Go 1.19's package
 * has is outside p9rt's subset (runtime.SetFinalizer); any other is undefined.
 */
export function undefinedMember(path: string, shown: string, name: string): string {
  const api = stdAPI[path];
  if (api !== undefined && isExported(name) && ` ${api} `.includes(` ${name} `)) return `${shown}.${name} is not supported by p9rt`;
  return `undefined: ${shown}.${name}`;
}

/**
 * The error for x.name, of a standard type that lacks it in p9rt's package
 * but has it in Go 1.19's (a method or field outside the subset:
 * "http.Request.TLS is not supported by p9rt"); null when Go's type lacks
 * it too, and the error is Go's.
 */
export function unsupportedMember(t: Type, name: string): string | null {
  const n = t.t === 'pointer' ? t.elem : t;
  if (n.t !== 'named' || !isExported(name)) return null;
  const members = stdMembers[n.pkg]?.[n.name];
  if (members === undefined || !` ${members} `.includes(` ${name} `)) return null;
  return `${n.pkgName}.${n.name}.${name} is not supported by p9rt`;
}
