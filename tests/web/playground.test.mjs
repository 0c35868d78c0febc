// The playground in a real browser (npm run test:web): the examples print what real Go prints
// (tests/golden, and a live `go run` where Go is installed); after Run one 1400x900 screen holds
// the story (timeline and the cause chain of the first interrupted call, selected); the picture
// and the code are linked; nothing a program does freezes the page (100,000 lines, a sleep loop,
// a 1,000,000-event trace) and Stop always ends the run; the messages say what happened.
// Timings are printed for the reader (bench/playground.mjs measures them), never asserted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_TIMEOUT, explain, kib, openOptions, result, root, runBy, runExample, setSource, shot, startSite, textTimeline, waitEnd } from './harness.mjs';

const golden = readFileSync(join(root, 'tests/golden/deadline.stdout'), 'utf8');
const T = { timeout: 300_000 };

let site;
let page;
let firstResultMs = null;

before(async () => {
  site = await startSite();
  page = await site.context.newPage();
  site.watch(page);
});

after(async () => {
  if (site) {
    console.log(`# page open to first result: ${firstResultMs === null ? 'n/a' : `${Math.round(firstResultMs)} ms`}`);
    console.log(`# built site: ${site.size.files} files, ${kib(site.size.raw)} (${kib(site.size.gz)} gzipped)`);
    const errors = site.consoleLines.filter((l) => l.startsWith('[pageerror]'));
    await site.close();
    assert.deepEqual(errors, [], 'no uncaught errors on the page');
  }
});

/** The box of a selector in the viewport, or null. */
function box(sel) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  }, sel);
}

/** The page still answers: a frame is drawn and a task runs, within the time given. */
async function answers(ms = 60_000) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))), null, { timeout: ms });
}

// The timeline draws in the next animation frame (at most one render per frame), so a check of
// what it drew waits for two frames: the one that renders and the one after it.
const painted = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('the page is served with COOP/COEP and is cross-origin isolated', T, async () => {
  const tOpen = performance.now();
  const response = await page.goto(site.base);
  const h = response.headers();
  assert.equal(h['cross-origin-opener-policy'], 'same-origin');
  assert.equal(h['cross-origin-embedder-policy'], 'require-corp');
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
  assert.ok(await page.isHidden('#isolation'), 'the isolation warning is hidden on an isolated page');
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: RUN_TIMEOUT });
  page.tOpen = tOpen;
});

test('the header says what the page shows; the expert controls are folded into Options', T, async () => {
  const lede = await page.textContent('#lede');
  assert.match(lede, /timeline/);
  assert.ok(lede.split(/[.!?](\s|$)/).filter((s) => s && s.trim()).length === 1, `one sentence: ${lede}`);
  assert.equal(await page.evaluate(() => document.getElementById('options').open), false, 'Options start folded');
  assert.ok(await page.isHidden('#seed'), 'the seed is inside the folded Options');
  await shot(page, 'playground-start.png');
});

test('deadline.go prints what real Go prints, and after Run one screen tells the story', T, async () => {
  assert.equal(await page.inputValue('#example'), 'deadline.go');
  assert.ok((await page.textContent('.cm-content')).includes('SetReadDeadline'));
  assert.match(await page.textContent('#about'), /interrupted/);
  await page.click('#run');
  const r = await waitEnd(page);
  firstResultMs = performance.now() - page.tOpen;
  assert.equal(r.state, 'done', explain(r));
  assert.equal(r.stdout, golden);
  assert.equal(r.stderr, '');
  assert.equal(r.exit, '');
  assert.equal(r.exitText, '"" (success)');
  assert.equal(r.code, '0');
  assert.ok(r.clockNs >= 300e6, `the program's clock reached 300 ms (${r.clockNs} ns)`);
  console.log(`# first run: compile ${r.compile}, run ${r.elapsed}, program's clock ${r.clockNs / 1e6} ms`);
  // No scrolling: the timeline and the chain are inside the 1400x900 viewport.
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');
  for (const sel of ['#tl', '#tl-chain ol']) {
    const b = await box(sel);
    assert.ok(b && b.top >= 0 && b.bottom <= 900 && b.right <= 1400, `${sel} is on screen: ${JSON.stringify(b)}`);
  }
  // The first interrupted call is selected: its chain is shown and its bar ringed.
  const sel = await page.evaluate(() => ({
    chainThis: document.querySelector('#tl-chain li.this')?.textContent ?? '',
    chainSel: document.querySelector('#tl-chain li.sel')?.textContent ?? '',
    shape: document.querySelector('#tl .tl-sys.interrupted.sel')?.getAttribute('aria-label') ?? '',
  }));
  assert.match(sel.chainThis, /pread interrupted/);
  assert.equal(sel.chainSel, sel.chainThis);
  assert.match(sel.shape, /^pread interrupted/);
  assert.deepEqual((await page.locator('#editor .cm-run-line').allTextContents()).map((l) => l.trim()), ['n, err := conn.Read(buf)'], 'its source line is marked');
  await shot(page, 'playground-1400x900.png');
});

test('the timeline: proc lanes, the interrupted pread, the hangup arrow with its decision, timers and deadlines', T, async () => {
  const pic = await page.evaluate(() => ({
    lanes: [...document.querySelectorAll('#tl .tl-label.proc')].map((t) => t.textContent),
    interrupted: [...document.querySelectorAll('#tl .tl-sys.interrupted')].map((r) => r.getAttribute('aria-label')),
    notes: [...document.querySelectorAll('#tl .tl-note-text')].map((t) => t.textContent),
    timers: document.querySelectorAll('#tl .tl-timer').length,
    deadlines: document.querySelectorAll('#tl .tl-deadline, #tl .tl-due').length,
  }));
  assert.ok(pic.lanes.length >= 3 && pic.lanes[0] === 'pid 1', JSON.stringify(pic.lanes));
  assert.ok(pic.interrupted.some((l) => /^pread interrupted/.test(l)), JSON.stringify(pic.interrupted));
  assert.ok(pic.notes.includes('hangup → ignored (ignoreHangup)'), JSON.stringify(pic.notes));
  assert.ok(pic.timers >= 2 && pic.deadlines >= 2, `timer and deadline markers (${pic.timers}, ${pic.deadlines})`);
});

test('labels stay inside the frame and on their lane; ticks are round and never repeat; the legend covers every colour', T, async () => {
  const g = await page.evaluate(() => {
    const frame = document.getElementById('tl').getBoundingClientRect();
    const lanes = [...document.querySelectorAll('#tl .tl-lane')].map((r) => r.getBoundingClientRect());
    const labels = [...document.querySelectorAll('#tl .tl-note-text, #tl .tl-bartext')].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
    return {
      frame: { left: frame.left, right: frame.right },
      labels,
      lanes: lanes.map((r) => ({ top: r.top, bottom: r.bottom })),
      ticks: [...document.querySelectorAll('#tl .tl-tick:not(.unit)')].map((t) => t.textContent),
      legend: [...document.querySelectorAll('#tl-legend li')].map((l) => l.textContent),
      classes: [...new Set([...document.querySelectorAll('#tl svg.tl [class]')].map((e) => e.getAttribute('class')))],
    };
  });
  for (const l of g.labels) {
    assert.ok(l.left >= g.frame.left && l.right <= g.frame.right + 1, `label inside the frame: ${JSON.stringify(l)} in ${JSON.stringify(g.frame)}`);
    assert.ok(g.lanes.some((ln) => l.top >= ln.top - 1 && l.bottom <= ln.bottom + 1), `label on one lane: ${JSON.stringify(l)}`);
  }
  assert.ok(g.ticks.length >= 3, JSON.stringify(g.ticks));
  assert.equal(new Set(g.ticks).size, g.ticks.length, `ticks repeat: ${JSON.stringify(g.ticks)}`);
  for (const t of g.ticks) assert.match(t, /^(0|\d+(\.\d{1,3})? (ns|µs|ms|s))$/, `a round tick: ${t}`);
  // Every colour class drawn is in the legend.
  const legendFor = { 'tl-sys interrupted': 'interrupted', 'tl-sys idle': 'idle M', 'tl-sys': 'call slept', 'tl-timer': 'timer', 'tl-deadline': 'deadline', 'tl-due': 'deadline', 'tl-clockjump': 'clock jump' };
  for (const [cls, name] of Object.entries(legendFor)) {
    if (g.classes.some((c) => c.split(' ').slice(0, cls.split(' ').length).join(' ') === cls)) {
      assert.ok(g.legend.some((l) => l.includes(name)), `the legend names ${name}: ${JSON.stringify(g.legend)}`);
    }
  }
  assert.ok(g.legend.some((l) => /goroutine on pid 1/.test(l)), `goroutine colours in the legend: ${JSON.stringify(g.legend)}`);
});

test('the cause chain: deadline → timer → Cancel → hangup → interrupted; each entry selects its shape and its line', T, async () => {
  const chain = await page.locator('#tl-chain ol li').allTextContents();
  const order = ['deadline set', 'timer set', 'timer fires', 'asyncIO.Cancel', 'posts note "hangup"', 'pread interrupted'];
  let at = -1;
  for (const step of order) {
    const i = chain.findIndex((l, j) => j > at && l.includes(step));
    assert.ok(i > at, `step "${step}" in order in the chain:\n${chain.join('\n')}`);
    at = i;
  }
  const afterIt = (await page.locator('#tl-chain ul li').allTextContents()).join('\n');
  assert.match(afterIt, /ErrDeadlineExceeded/);
  // The deadline entry: the SetReadDeadline line lights up in the editor, its flag in the picture.
  await page.click('#tl-chain ol li >> text=deadline set');
  assert.deepEqual((await page.locator('#editor .cm-run-line').allTextContents()).map((l) => l.trim()), ['conn.SetReadDeadline(time.Now().Add(50 * time.Millisecond))']);
  const id = await page.getAttribute('#tl-chain ol li.sel', 'data-id');
  const classes = await page.locator(`#tl [data-id="${id}"]`).evaluateAll((l) => l.map((e) => e.getAttribute('class')));
  assert.ok(classes.includes('tl-due sel') || classes.includes('tl-deadline sel'), `its shape is selected: ${JSON.stringify(classes)}`);
  await painted(page);
  assert.equal(await page.locator('#tl .tl-sel').count(), 1, 'a ring where it happened');
  // Hover describes a shape.
  await page.dispatchEvent('#tl .tl-note >> nth=0', 'pointerover');
  assert.match(await page.textContent('#tl-details'), /hangup/);
  await shot(page, 'timeline-cause-chain.png');
});

test('zoom, goroutine lanes, the linear axis; the replay plays and steps through the story, not lock internals', T, async () => {
  const ticks = () => page.locator('#tl .tl-tick').allTextContents();
  const before = await ticks();
  await page.click('#tl-zoom-in');
  await page.click('#tl-zoom-in');
  await page.waitForTimeout(100);
  assert.notDeepEqual(await ticks(), before, 'zoom changes the axis');
  await page.focus('#tl');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('0');
  await page.waitForTimeout(100);
  assert.deepEqual(await ticks(), before, 'the 0 key fits again');
  await page.check('#tl-goroutines');
  await page.waitForTimeout(100);
  assert.ok((await page.locator('#tl .tl-label.g').count()) >= 4, 'goroutine lanes');
  assert.ok((await page.locator('#tl .tl-g.run').count()) > 0, 'running stretches');
  await page.selectOption('#tl-axis', 'time');
  await page.waitForTimeout(100);
  const linear = await ticks();
  assert.equal(new Set(linear).size, linear.length, `linear ticks repeat: ${linear}`);
  await shot(page, 'timeline-goroutines-linear.png');
  await page.selectOption('#tl-axis', 'steps');
  await page.uncheck('#tl-goroutines');
  // Step through every step: none is a lock's semacquire/semrelease or a P handoff.
  const walk = await page.evaluate(() => {
    const r = document.querySelector('#tl-replay');
    const texts = [];
    for (let i = 0; i < Number(r.max); i++) {
      r.value = String(i);
      r.dispatchEvent(new Event('input'));
      texts.push(document.querySelector('#tl-replay-text').textContent);
    }
    return texts;
  });
  assert.ok(walk.length > 10 && walk.length < 400, `a story of ${walk.length} steps`);
  assert.ok(!walk.some((t) => /semacquire|semrelease|P handed/.test(t)), walk.filter((t) => /sem|P handed/.test(t)).join('\n'));
  assert.ok(walk.some((t) => /posts note "hangup"/.test(t)) && walk.some((t) => /sighandler/.test(t)) && walk.some((t) => /g\d+ runs/.test(t)), 'notes, handler decisions and goroutine switches are steps');
  const pread = walk.findIndex((t) => t.includes('pread interrupted'));
  assert.ok(pread >= 0);
  await page.evaluate((i) => {
    const r = document.querySelector('#tl-replay');
    r.value = String(i);
    r.dispatchEvent(new Event('input'));
  }, pread);
  assert.deepEqual((await page.locator('#editor .cm-run-line').allTextContents()).map((l) => l.trim()), ['n, err := conn.Read(buf)'], 'the replay marks the Read');
  await painted(page);
  assert.equal(await page.locator('#tl .tl-cursor').count(), 1, 'a cursor on the step');
  await shot(page, 'replay-source-line.png');
  // Step buttons and Play.
  await page.click('#tl-fwd');
  assert.match(await page.textContent('#tl-replay-text'), new RegExp(`^step ${pread + 2} of`));
  await page.click('#tl-back');
  assert.match(await page.textContent('#tl-replay-text'), new RegExp(`^step ${pread + 1} of`));
  await page.click('#tl-play');
  await page.waitForFunction((n) => document.querySelector('#tl-replay-text').textContent.startsWith(`step ${n} of`), pread + 3);
  await page.click('#tl-play');
  assert.equal(await page.textContent('#tl-play'), 'Play', 'paused');
  await page.evaluate(() => {
    const r = document.querySelector('#tl-replay');
    r.value = r.max;
    r.dispatchEvent(new Event('input'));
  });
});

test('the trace downloads as Chrome JSON; Open in Perfetto opens it there or says how', T, async () => {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const j = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.ok(Array.isArray(j.traceEvents) && j.traceEvents.length > 50);
  assert.ok(j.traceEvents.some((e) => /interrupted/.test(e.name)));
  assert.equal(dl.suggestedFilename(), 'deadline.trace.json');
  // This page is cross-origin isolated, so Perfetto's window cannot answer it: the trace is saved
  // and the page says how to open it (with the Perfetto tab already open).
  const popup = site.context.waitForEvent('page');
  const [dl2] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click('#perfetto')]);
  assert.equal(dl2.suggestedFilename(), 'deadline.trace.json');
  assert.match(await page.textContent('#perfetto-out'), /Open trace file/);
  const p = await popup;
  // (Perfetto itself may be out of reach of this machine: then the tab shows the browser's error.)
  assert.match(p.url(), /ui\.perfetto\.dev|about:blank|chrome-error/);
  await p.close();
  await page.bringToFront();
});

test('deadline.go matches a live `go run` when Go is installed', T, async (t) => {
  const go = spawnSync('go', ['run', 'examples/deadline.go'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (go.error || go.status !== 0) return t.skip('no working Go toolchain: compared with tests/golden only');
  assert.equal(go.stdout, golden);
});

const expected = {
  'hangup.go': { stdout: 'posting hangup to my own proc\n', exit: 'hangup' },
  'notify.go': {
    stdout: 'posting hangup, round 1\ncaught hangup\nposting hangup, round 2\ncaught hangup\nstill running: Notify turned the hangup into a value\n',
    exit: '',
  },
  'backgroundread.go': {
    stdout: 'request 1: "GET /one"\nbackground read aborted: true\nclient got: "200 OK"\nrequest 2 on the same connection: "GET /two", err=<nil>\n',
    exit: '',
    go: true,
  },
  'http_hangup.go': {
    stdout: 'client: 200 OK "fast reply\\n"\nclient: hanging up\nhandler: the client hung up: context canceled\n',
    exit: '',
    go: true,
  },
  'issue57114.go': {
    stdout: 'go1.19.8:    Read failed before the peer wrote: true, deadline exceeded=true\ngo1.19.8:    got "late", err=<nil>\ncurrent Go:  Read waited for the peer: true\ncurrent Go:  got "late", err=<nil>\n',
    exit: '',
  },
  'stalled.go': {
    stdout: 'stalled: read |0 (pread, 64 bytes)\ninterrupt: <nil>\nthe Read returned: read |0: interrupted by pending.Interrupt: read |0 (pread, 64 bytes)\nended by pending.Interrupt: true - a timeout: false\nretried Read: "the writer is back", <nil>; reads in flight: 0\n',
    exit: '',
  },
  'blocked.go': { stdout: 'pid 1 reads a pipe that nobody writes; post it a note\nread returned "nobody posted a note", err=<nil>\n', exit: '' },
};
for (const [file, want] of Object.entries(expected)) {
  test(`${file} runs and prints what it should`, T, async () => {
    const r = await runExample(page, file, { clock: 'virtual' });
    assert.equal(r.state, 'done', explain(r));
    assert.equal(r.stdout, want.stdout);
    assert.equal(r.exit, want.exit);
    if (want.go) {
      const go = spawnSync('go', ['run', `examples/${file}`], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      if (!go.error && go.status === 0) assert.equal(go.stdout, want.stdout, `real Go's output of ${file}`);
    }
    // (The picture is drawn as the run ends; a background tab draws it when shown.)
    await page.waitForFunction(() => document.querySelectorAll('#tl .tl-note-text').length > 0, null, { timeout: 20_000 }).catch(() => {});
    if (file === 'hangup.go') {
      const notes = await page.locator('#tl .tl-note-text').allTextContents();
      assert.ok(notes.includes('hangup → kill'), JSON.stringify(notes));
      await shot(page, 'timeline-hangup.png');
    }
    if (file === 'notify.go') {
      const notes = await page.locator('#tl .tl-note-text').allTextContents();
      assert.equal(notes.filter((n) => n === 'hangup → sent to os/signal').length, 2, JSON.stringify(notes));
    }
  });
}

test('pollrace.go: the internal/poll option decides the issue-57114 race, visibly', T, async () => {
  await page.selectOption('#example', 'pollrace.go');
  assert.equal(await page.isChecked('input[name="poll"][value="go1.19"]'), true, 'it starts under Go 1.19.8');
  assert.match(await page.textContent('#options-summary'), /Go 1\.19\.8 poll/, 'the folded Options say so');
  await page.evaluate(() => (document.getElementById('options').open = false));
  await page.click('#run');
  const old = await waitEnd(page);
  assert.equal(old.state, 'done', explain(old));
  assert.match(old.stdout, /^Read 1 failed before the peer wrote: true: .*i\/o timeout\nRead 2 failed too, the conn stays timed out: .*i\/o timeout\nafter clearing the deadline: got "late", err=<nil>\n$/);
  await page.waitForFunction(() => document.querySelectorAll('#tl .tl-sys.interrupted.sel').length > 0, null, { timeout: 20_000 }).catch(() => {});
  assert.equal(await page.locator('#tl .tl-sys.interrupted.sel').count(), 1, 'the stale timer interrupts a pread, selected');
  assert.match(await page.textContent('#tl-chain'), /timer fires[\s\S]*posts note "hangup"/);
  await shot(page, 'pollrace-go119.png');
  await openOptions(page);
  await page.check('input[name="poll"][value="current"]');
  await page.click('#run');
  const cur = await waitEnd(page);
  assert.equal(cur.state, 'done', explain(cur));
  assert.equal(cur.stdout, 'Read waited for the peer: true, got "late"\n');
  const go = spawnSync('go', ['run', 'examples/pollrace.go'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (!go.error && go.status === 0) assert.equal(go.stdout, cur.stdout, 'real Go agrees with the current logic');
  assert.equal(await page.locator('#tl .tl-sys.interrupted[data-kind="sys.interrupted"]').evaluateAll((l) => l.filter((e) => /pread/.test(e.getAttribute('aria-label'))).length), 0, 'no pread is interrupted');
});

test('a note posted by hand to the blocked proc kills it with "interrupt"', T, async () => {
  await page.selectOption('#example', 'blocked.go');
  assert.equal(await page.isChecked('input[name="clock"][value="real"]'), true, 'blocked.go picks the wall clock');
  await page.click('#run');
  await page.waitForSelector('#procs tr[data-pid="1"][data-sys="pread"]', { timeout: RUN_TIMEOUT });
  await shot(page, 'post-note-live.png');
  await page.check('#procs input[name="pid"][value="1"]');
  await page.fill('#post-text', 'interrupt');
  await page.click('#post-send');
  const r = await waitEnd(page);
  assert.equal(r.state, 'done', explain(r));
  assert.equal(r.exit, 'interrupt');
  assert.equal(r.stdout, 'pid 1 reads a pipe that nobody writes; post it a note\n');
  const notes = await page.locator('#tl .tl-note-text').allTextContents();
  assert.ok(notes.includes('interrupt → kill'), JSON.stringify(notes));
  assert.equal(await page.locator('#tl .tl-label.host').count(), 1, 'a lane for notes from outside');
});

test('a shared URL reproduces the run: program, seed, clock and scheduled notes', T, async () => {
  const a = await runExample(page, 'blocked.go', { clock: 'virtual', seed: '5', notes: '2s:main:interrupt' });
  assert.equal(a.exit, 'interrupt', explain(a));
  const tl = await textTimeline(page);
  await page.click('#share');
  await page.waitForSelector('#share-link');
  const url = await page.getAttribute('#share-link', 'href');
  assert.match(url, /#run=/);
  const p3 = await site.context.newPage();
  try {
    await p3.goto(url);
    const b = await waitEnd(p3);
    assert.equal(await p3.inputValue('#seed'), '5');
    assert.equal(await p3.isChecked('input[name="clock"][value="virtual"]'), true);
    assert.equal(await p3.inputValue('#notes'), '2000ms:main:interrupt');
    assert.match(await p3.textContent('#options-summary'), /seed 5.*1 scheduled note/);
    assert.equal(b.stdout, a.stdout);
    assert.equal(b.exit, a.exit);
    assert.equal(b.clockNs, a.clockNs);
    assert.equal(await textTimeline(p3), tl);
  } finally {
    await p3.close();
  }
});

test('a damaged share link says so', T, async () => {
  const url = await page.getAttribute('#share-link', 'href');
  // Altered (a character no link holds) and cut short (valid characters, but not all of them).
  for (const bad of [url.slice(0, -12) + 'x!', url.slice(0, -12)]) {
    const p = await site.context.newPage();
    try {
      await p.goto(bad);
      await p.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: RUN_TIMEOUT });
      const status = await p.textContent('#status');
      assert.match(status, /link .*damaged/, status);
      assert.doesNotMatch(status, /Failed to fetch/);
      assert.equal(await p.inputValue('#example'), 'deadline.go', 'the first example is shown instead');
    } finally {
      await p.close();
    }
  }
});

test('pending.go: the run waits for the host; interrupt on the blocked call ends it and the program goes on; Share replays it', T, async () => {
  await page.selectOption('#example', 'pending.go');
  await openOptions(page);
  await page.check('input[name="clock"][value="virtual"]');
  await page.click('#run');
  await page.waitForFunction(() => document.body.dataset.waiting === '1', null, { timeout: RUN_TIMEOUT });
  assert.match(await page.textContent('#status'), /waiting: every proc is blocked/);
  const button = page.locator('#procs tr[data-sys="pread"] button.interrupt');
  await button.waitFor({ timeout: RUN_TIMEOUT });
  await shot(page, 'pending-waiting.png');
  await button.click();
  const r = await waitEnd(page);
  assert.equal(r.state, 'done', explain(r));
  const out = 'Read waits for a peer that says nothing, with no deadline\n' +
    'Read returned 0, read tcp 127.0.0.1:40001->127.0.0.1:40000: i/o timeout\n' +
    'the connection still works: "hello after the interrupt", <nil>\n';
  assert.equal(r.stdout, out);
  assert.match(await page.textContent('#post-out'), /^Interrupted pid \d+'s pread\.$/);
  // The picture draws the interrupt from the host's lane to the call it ended.
  await page.waitForFunction(() => [...document.querySelectorAll('#tl .tl-note-text')].some((t) => t.textContent === 'ctl interrupt → ends pread'), null, { timeout: 20_000 });
  await shot(page, 'pending-interrupted.png');
  await page.click('#share');
  await page.waitForSelector('#share-link');
  assert.match(await page.textContent('#share-out'), /1 scheduled interrupt/);
  const url = await page.getAttribute('#share-link', 'href');
  const p4 = await site.context.newPage();
  try {
    await p4.goto(url);
    const b = await waitEnd(p4);
    assert.match(await p4.inputValue('#interrupts'), /^0\.0\d+ms:\d+$/);
    assert.equal(b.stdout, out);
    assert.equal(b.clockNs, r.clockNs);
  } finally {
    await p4.close();
  }
});

test('deadline.go in real time prints the same (the wall-clock line aside)', T, async () => {
  const r = await runExample(page, 'deadline.go', { clock: 'real' });
  assert.equal(r.state, 'done', explain(r));
  const wallLine = /^returned well before the peer wrote: (true|false)$/m;
  assert.match(r.stdout, wallLine);
  assert.equal(r.stdout.replace(wallLine, 'returned well before the peer wrote: true'), golden);
});

test('virtual time is deterministic: same seed, same output and same timeline', T, async () => {
  const a = await runExample(page, 'deadline.go', { clock: 'virtual', seed: '7' });
  const ta = await textTimeline(page);
  const b = await runExample(page, 'deadline.go', { clock: 'virtual', seed: '7' });
  assert.equal(a.state, 'done', explain(a));
  assert.equal(b.stdout, a.stdout);
  assert.equal(await textTimeline(page), ta);
  await openOptions(page);
  await page.fill('#seed', '1');
});

test('a program typed from scratch is prog.go: the example text goes, errors name prog.go, one per error', T, async () => {
  await page.selectOption('#example', 'deadline.go');
  await setSource(page, 'package main\n\nfunc main() {\n\tundefinedThing()\n\talsoUndefined()\n}\n');
  assert.equal(await page.inputValue('#example'), 'prog.go');
  assert.ok(await page.isHidden('#about'), "the example's explanation is gone");
  await page.click('#run');
  const r = await waitEnd(page);
  assert.equal(r.state, 'error');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 2, `one line per error: ${r.stderr}`);
  assert.match(lines[0], /^prog\.go:4:2: .*undefined/);
  assert.match(lines[1], /^prog\.go:5:2: .*undefined/);
  assert.equal(r.stdout, '');
  assert.equal(await page.locator('.cm-lintRange-error').first().textContent(), 'undefinedThing');
  assert.match(r.status, /prog\.go does not compile: 2 errors/);
  await shot(page, 'compile-error.png');
});

test('Ctrl+Enter and Shift+Enter run', T, async () => {
  await setSource(page, 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi")\n}\n');
  const lines = () => page.locator('.cm-line').count();
  const n = await lines();
  await page.click('.cm-content');
  let r = await runBy(page, () => page.keyboard.press('Control+Enter'));
  assert.equal(r.stdout, 'hi\n', explain(r));
  assert.equal(await lines(), n, 'no newline was typed');
  await page.focus('#example');
  r = await runBy(page, () => page.keyboard.press('Shift+Enter'));
  assert.equal(r.stdout, 'hi\n');
});

test('Stop ends a busy loop and says it stopped', T, async () => {
  await setSource(page, 'package main\n\nfunc main() {\n\tfor {\n\t}\n}\n');
  await page.click('#run');
  await page.waitForFunction(() => document.body.dataset.state === 'running', null, { timeout: RUN_TIMEOUT });
  await answers();
  await page.click('#stop');
  const t0 = performance.now();
  const r = await waitEnd(page);
  console.log(`# busy loop: Stop to stopped in ${Math.round(performance.now() - t0)} ms`);
  assert.equal(r.state, 'stopped');
  assert.equal(r.reason, 'stopped');
  assert.match(r.exitText, /^stopped/);
  assert.doesNotMatch(r.exitText, /success/);
  assert.match(r.status, /^Stopped/);
});

test('100,000 lines, then Stop: the pane holds a bounded tail, says how many lines it does not show, downloads the whole', { timeout: 900_000 }, async () => {
  // A thousand lines a write: the run reaches 100,000 lines within the playground's time limit
  // however busy the machine is (bench/playground.mjs stops a loop that prints line by line).
  await setSource(page, 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 0; ; {\n\t\ts := ""\n\t\tfor j := 0; j < 1000; j++ {\n\t\t\ts += fmt.Sprintln("line", i)\n\t\t\ti++\n\t\t}\n\t\tfmt.Print(s)\n\t}\n}\n');
  await page.click('#run');
  await page.waitForFunction(() => document.body.dataset.state === 'running', null, { timeout: RUN_TIMEOUT });
  // Wait (the program's clock is virtual, but printing takes real time) for 100,000 lines.
  const t0 = performance.now();
  let worst = 0;
  for (;;) {
    const t = performance.now();
    await answers();
    worst = Math.max(worst, performance.now() - t);
    const hidden = Number((await page.getAttribute('#output-more', 'data-hidden')) ?? 0);
    if (hidden + 1000 >= 100_000) break;
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'running', 'still running');
    await page.waitForTimeout(1000);
  }
  console.log(`# 100,000 lines in ${Math.round(performance.now() - t0)} ms; the page answered each check within ${Math.round(worst)} ms`);
  await page.click('#stop');
  const r = await waitEnd(page);
  assert.equal(r.state, 'stopped', explain(r));
  const shown = r.stdout.split('\n').filter(Boolean);
  assert.ok(shown.length <= 1000, `a bounded tail (${shown.length} lines)`);
  const more = await page.textContent('#output-more');
  assert.match(more, /^[\d,]+ earlier lines not shown/);
  const hidden = Number(more.match(/^[\d,]+/)[0].replace(/,/g, ''));
  const last = Number(shown.at(-1).split(' ')[1]);
  assert.equal(hidden + shown.length, last + 1, 'hidden and shown lines add up to every line printed');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#output-download')]);
  const all = readFileSync(await dl.path(), 'utf8');
  assert.equal(all.split('\n').length - 1, last + 1, 'the download holds every line');
  assert.ok(all.startsWith('line 0\nline 1\n'));
  await shot(page, 'many-lines-stopped.png');
});

test('a sleep loop: the live picture keeps up, the page answers, Stop ends it', T, async () => {
  await setSource(page, 'package main\n\nimport "time"\n\nfunc main() {\n\tfor {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n}\n');
  await page.click('#run');
  await page.waitForFunction(() => document.body.dataset.state === 'running', null, { timeout: RUN_TIMEOUT });
  await page.waitForTimeout(3000);
  await answers();
  assert.ok((await page.locator('#tl svg.tl .tl-lane').count()) >= 1, 'the live picture is drawn');
  const shapes = await page.locator('#tl svg.tl *').count();
  assert.ok(shapes < 20_000, `what is drawn is bounded by the screen (${shapes} elements)`);
  await page.click('#stop');
  const r = await waitEnd(page);
  assert.equal(r.state, 'stopped', explain(r));
});

test('a 1,000,000-event trace: zoomed and panned, drawing only what is visible', { timeout: 900_000 }, async () => {
  // A generated trace: three procs, each call a pwrite that sleeps, a note now and then.
  const t0 = performance.now();
  await page.evaluate(() => {
    const ev = [];
    let id = 0;
    let t = 0;
    const push = (e) => ev.push({ id: ++id, ...e });
    push({ t, kind: 'boot', pid: 0, text: 'virtual seed=1' });
    while (ev.length < 1_000_000) {
      const pid = 1 + (id % 3);
      t += 1000;
      push({ t, kind: 'sys.enter', pid, sys: 'pwrite', args: [1, 0, 8, 0] });
      push({ t: t + 10, kind: 'sys.block', pid, sys: 'pwrite' });
      push({ t: t + 400, kind: 'sys.exit', pid, sys: 'pwrite', ret: 8 });
      if (id % 997 === 0) {
        const post = id + 1;
        push({ t: t + 500, kind: 'note.post', pid, from: pid, to: 1 + ((pid + 1) % 3), text: 'alarm', result: 'queued' });
        push({ t: t + 600, kind: 'note.deliver', pid: 1 + ((pid + 1) % 3), text: 'alarm', cause: post });
      }
    }
    window.p9rt.showTrace(ev);
  });
  await answers();
  console.log(`# 1,000,000 events generated and drawn in ${Math.round(performance.now() - t0)} ms`);
  const count = () => page.locator('#tl svg.tl *').count();
  const ticks = () => page.locator('#tl .tl-tick:not(.unit)').allTextContents();
  const n0 = await count();
  assert.ok(n0 < 20_000, `fit: ${n0} elements drawn`);
  const times = [];
  for (const [what, act] of [
    ['zoom in', () => page.click('#tl-zoom-in')],
    ['zoom in', () => page.click('#tl-zoom-in')],
    ['wheel in', () => page.mouse.wheel(0, -300)],
    ['pan right', () => page.keyboard.press('ArrowRight')],
    ['drag', async () => {
      const b = await box('#tl');
      await page.mouse.move(b.left + 400, b.top + 60);
      await page.mouse.down();
      await page.mouse.move(b.left + 200, b.top + 60, { steps: 5 });
      await page.mouse.up();
    }],
    ['zoom out', () => page.click('#tl-zoom-out')],
  ]) {
    await page.hover('#tl');
    if (what === 'pan right') await page.focus('#tl');
    const before = await ticks();
    const t = performance.now();
    await act();
    await answers();
    times.push(`${what} ${Math.round(performance.now() - t)} ms`);
    const after = await ticks();
    assert.notDeepEqual(after, before, `${what} moves the axis`);
    assert.equal(new Set(after).size, after.length, `ticks repeat after ${what}: ${after}`);
    const n = await count();
    assert.ok(n < 20_000, `${what}: ${n} elements drawn`);
  }
  console.log(`# 1,000,000 events: ${times.join(', ')}`);
  await page.click('#tl-fit');
  await shot(page, 'million-events.png');
});

test('the page works narrow (390x844) without horizontal scrolling, keyboard operable', T, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.selectOption('#example', 'hangup.go');
  await page.selectOption('#example', 'deadline.go');
  await page.focus('#example');
  const r = await runBy(page, () => page.keyboard.press('Control+Enter'));
  assert.equal(r.stdout, golden);
  await shot(page, 'playground-narrow.png', { fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (overflow ${overflow}px)`);
  await answers();
  const ticks = await page.evaluate(() => [...document.querySelectorAll('#tl .tl-tick')].map((t) => t.getBoundingClientRect()).map((b) => [b.left, b.right]).sort((a, b) => a[0] - b[0]));
  for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i][0] >= ticks[i - 1][1], `axis labels do not collide: ${JSON.stringify(ticks)}`);
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('served by a plain static server without COOP/COEP, the service worker isolates the page and deadline.go runs', T, async () => {
  const p3 = await site.context.newPage();
  try {
    const resp = await p3.goto(site.plainBase);
    assert.equal(resp.headers()['cross-origin-embedder-policy'], undefined, 'the server sends no COEP');
    assert.equal(resp.headers()['cross-origin-opener-policy'], undefined, 'the server sends no COOP');
    // coi.js registers coi-sw.js and reloads the page once; until then the page is not isolated.
    const until = Date.now() + 30_000;
    for (;;) {
      const isolated = await p3.evaluate(() => self.crossOriginIsolated && document.body.dataset.state !== 'loading').catch(() => false);
      if (isolated) break;
      assert.ok(Date.now() < until, 'the page became cross-origin isolated within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(await p3.evaluate(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/coi-sw.js')), 'coi-sw.js controls the page');
    assert.ok(await p3.isHidden('#isolation'), 'no isolation warning');
    await p3.waitForFunction(() => document.body.dataset.state === 'ready');
    const r = await runExample(p3, 'deadline.go');
    assert.equal(r.state, 'done', `run state (${explain(r)})`);
    assert.equal(r.stdout, golden, 'stdout');
    assert.equal(r.stderr, '', 'stderr');
    assert.equal(r.code, '0', 'exit code');
  } finally {
    await p3.close();
  }
});

test('served without COOP/COEP where no service worker may run, the page says plainly that it is not isolated', T, async () => {
  const p2 = await site.context.newPage();
  try {
    await p2.goto(site.insecureBase);
    await p2.waitForFunction(() => document.body.dataset.state !== 'loading');
    assert.equal(await p2.evaluate(() => self.crossOriginIsolated), false);
    assert.equal(await p2.evaluate(() => document.body.dataset.state), 'not-isolated');
    const msg = await p2.textContent('#isolation');
    assert.match(msg, /not cross-origin isolated/);
    assert.match(msg, /Cross-Origin-Embedder-Policy/);
    assert.ok(await p2.isDisabled('#run'));
    await shot(p2, 'playground-not-isolated.png');
  } finally {
    await p2.close();
  }
});
