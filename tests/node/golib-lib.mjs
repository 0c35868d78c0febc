// Helpers of the golib-*.test.mjs files: run the p9rt command.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** p9rt test [flags] tests/go/FILE (or an absolute path). */
export function p9rtTest(file, ...flags) {
  const path = file.startsWith('/') ? file : join(root, 'tests/go', file);
  return spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), 'test', ...flags, path], {
    cwd: root, encoding: 'utf8', timeout: 120_000,
  });
}

/** p9rt run [flags] FILE [args]. */
export function p9rtRun(file, flags = [], args = []) {
  return spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), 'run', ...flags, file, ...args], {
    cwd: root, encoding: 'utf8', timeout: 60_000,
  });
}
