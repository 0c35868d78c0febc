// The mailbox and the Ctl page are laid out by two files: host/abi/defs.ts
// (words the core shares, generated into assembly/abi.ts) and host/abi/glue.ts
// (words only the M glue and the kernel use). Nothing but this test keeps the
// two from giving one word two meanings: the console ring's Mbox.CONSOUT once
// landed on the glue's MboxX.SLEEPS, so the kernel's fd mask read as "this call
// would sleep" and a proc's calls stopped returning (a fatal error's
// goexitsall hung: runtime-procs.test.mjs's --max-procs run ended in deadlock).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(root + 'dist/host/abi/defs.js') && existsSync(root + 'dist/host/abi/glue.js');

/** [name, offset, size] sorted by offset; size 4 unless `sizes` says otherwise. */
function fields(groups, sizes) {
  const out = [];
  for (const [prefix, obj] of groups) {
    for (const [k, off] of Object.entries(obj)) out.push([`${prefix}.${k}`, off, sizes[`${prefix}.${k}`] ?? 4]);
  }
  return out.sort((a, b) => a[1] - b[1]);
}

function assertDisjoint(list, limit) {
  for (let i = 0; i < list.length; i++) {
    const [name, off, size] = list[i];
    assert.equal(off % (size === 8 ? 8 : 4), 0, `${name} at ${off} is not aligned`);
    assert.ok(off + size <= limit, `${name} (${off}+${size}) is past ${limit}`);
    if (i + 1 < list.length) {
      const [next, noff] = list[i + 1];
      assert.ok(off + size <= noff, `${name} (${off}+${size}) overlaps ${next} at ${noff}`);
    }
  }
}

test('every word of a mailbox has one meaning: Mbox (defs.ts) and MboxX (glue.ts) are disjoint', async (t) => {
  if (!built) return t.skip('dist not built');
  const { Mbox, MAILBOX_SIZE, ERRMAX } = await import('../../dist/host/abi/defs.js');
  const { MboxX, TEXT_MAX } = await import('../../dist/host/abi/glue.js');
  const list = fields([['Mbox', Mbox], ['MboxX', MboxX]], {
    'Mbox.ARGS': 48, 'Mbox.RET': 8, 'Mbox.POS': 8, 'Mbox.NOTE': ERRMAX,
    'MboxX.TEXT': TEXT_MAX, 'MboxX.CHARGE': 8,
  });
  assertDisjoint(list, MAILBOX_SIZE);
});

test('every word of the Ctl page has one meaning', async (t) => {
  if (!built) return t.skip('dist not built');
  const { Ctl, EXPLORE_MAX } = await import('../../dist/host/abi/defs.js');
  const i64 = ['CLOCK_NS', 'BOOT_WALL_NS', 'TOTAL_ALLOC', 'PAUSE_TOTAL_NS', 'PAUSE_MAX_NS', 'PAUSE_LAST_NS'];
  // p9rt explore's table of forced choices: EXPLORE_MAX pairs of i32.
  const list = fields([['Ctl', Ctl]], { ...Object.fromEntries(i64.map((k) => [`Ctl.${k}`, 8])), 'Ctl.EXPLORE_TABLE': EXPLORE_MAX * 8 });
  assertDisjoint(list, 4096);
});
