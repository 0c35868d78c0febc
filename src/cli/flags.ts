// The flag loop the CLI's commands share: --name VALUE, --name=VALUE, -name,
// a boolean as --name or --name=true/false in Go's spellings; flags stop at
// the first argument that is not one, or after "--".

/** One flag as its command's switch reads it; errors are thrown as `bad` makes them. */
export interface Flag {
  /** The flag's name without dashes or value. */
  name: string;
  /** The argument as given. */
  arg: string;
  /** Its value: after "=", else the next argument. */
  value(): string;
  /** Its value as a whole number from min to max. */
  int(v: string, min: number, max: number): number;
  /** A boolean flag: no value is true. */
  bool(): boolean;
}

/** Read the flags at the front of argv, handing each to `each`; returns the arguments after them. */
export function eachFlag(argv: string[], bad: (msg: string) => Error, each: (f: Flag) => void): string[] {
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') {
      i++;
      break;
    }
    const eq = a.indexOf('=');
    const name = (eq >= 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
    each({
      name,
      arg: a,
      value: () => {
        if (eq >= 0) return a.slice(eq + 1);
        if (i + 1 >= argv.length) throw bad(`flag --${name} needs a value`);
        return argv[++i];
      },
      int: (v, min, max) => {
        if (!/^[0-9]+$/.test(v) || Number(v) < min || Number(v) > max) throw bad(`flag --${name}: ${JSON.stringify(v)} is not a whole number from ${min} to ${max}`);
        return Number(v);
      },
      bool: () => {
        if (eq < 0) return true;
        const v = a.slice(eq + 1);
        if (/^(1|t|T|true|TRUE|True)$/.test(v)) return true;
        if (/^(0|f|F|false|FALSE|False)$/.test(v)) return false;
        throw bad(`flag --${name}: ${JSON.stringify(v)} is not true or false`);
      },
    });
  }
  return argv.slice(i);
}
