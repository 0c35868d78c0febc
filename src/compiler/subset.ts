// Names Go has that p9rt's subset leaves out: their errors say so instead of
// reading as if the program were wrong.

import { stdAPI } from './stdapi.js';
import { isExported } from './types.js';

/**
 * The error for pkg.name that p9rt's package lacks: a name Go 1.19's package
 * has is outside p9rt's subset (runtime.SetFinalizer); any other is undefined.
 */
export function undefinedMember(path: string, shown: string, name: string): string {
  const api = stdAPI[path];
  if (api !== undefined && isExported(name) && ` ${api} `.includes(` ${name} `)) return `${shown}.${name} is not supported by p9rt`;
  return `undefined: ${shown}.${name}`;
}
