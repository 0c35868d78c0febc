// The browser test (npm run test:web): build the playground, serve it with vite preview (COOP/COEP
// headers) on a free localhost port, drive Debian's chromium with playwright-core, and check that
// the page runs examples/deadline.go and examples/hangup.go for real: the output must equal what
// real Go prints (tests/golden/deadline.stdout, and a live `go run` when Go is installed).
// Also checks that a page served without isolation headers says so instead of failing.
// Ends with `N passed, N failed`; exits non-zero on any failure.
import { build, createServer as viteServer, preview } from 'vite';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));
const webRoot = join(root, 'web');
const outDir = join(webRoot, 'dist');
const shots = join(root, 'tests/web/screenshots');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUN_TIMEOUT = 90_000;

let passed = 0;
let failed = 0;
const failures = [];

async function check(name, fn) {
  const t0 = performance.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Math.round(performance.now() - t0)} ms)`);
  } catch (e) {
    failed++;
    failures.push(name);
    console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split('\n').join('\n     ')}`);
  }
}

// Anything that stops the harness itself (build, server, browser launch) is a failure too, and
// the summary line is still printed.
function abort(e) {
  console.log(`FAIL the browser test could not run\n     ${String(e?.stack ?? e).split('\n').join('\n     ')}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}
process.on('uncaughtException', abort);
process.on('unhandledRejection', abort);

function eq(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}:\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`);
  }
}

function ok(cond, what) {
  if (!cond) throw new Error(what);
}

function dirSize(dir) {
  let raw = 0;
  let gz = 0;
  let files = 0;
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) {
      const s = dirSize(p);
      raw += s.raw;
      gz += s.gz;
      files += s.files;
    } else {
      raw += statSync(p).size;
      gz += gzipSync(readFileSync(p)).length;
      files++;
    }
  }
  return { raw, gz, files };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

// A plain static server with no isolation headers: what a careless deployment looks like.
function plainServer(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = join(dir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    if (!path.startsWith(dir) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Read what the page shows: stdout and stderr spans of the output pane, the exit string, the state.
async function result(page) {
  return page.evaluate(() => {
    const pick = (cls) => [...document.querySelectorAll(`#output span.${cls}`)].map((s) => s.textContent).join('');
    return {
      state: document.body.dataset.state,
      status: document.getElementById('status').textContent,
      stdout: pick('stdout'),
      stderr: pick('stderr'),
      exit: document.getElementById('exit').dataset.exit ?? null,
      code: document.getElementById('code').textContent,
      elapsed: document.getElementById('elapsed').textContent,
      compile: document.getElementById('compile-ms').textContent,
      clockNs: Number(document.getElementById('clock-ms').dataset.ns ?? NaN),
      timeline: document.getElementById('timeline').textContent,
    };
  });
}

// Choose an example and clock, press Run with the keyboard-reachable button, wait for the end.
async function runExample(page, example, { clock = 'virtual', seed = '1' } = {}) {
  await page.selectOption('#example', example);
  await page.fill('#seed', seed);
  await page.check(`input[name="clock"][value="${clock}"]`);
  await page.waitForSelector('#run:not([disabled])');
  await page.click('#run');
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, {
    timeout: RUN_TIMEOUT,
  });
  return result(page);
}

function explain(r) {
  return `state=${r.state} status=${JSON.stringify(r.status)} exit=${JSON.stringify(r.exit)}\nstderr:\n${r.stderr}`;
}

// ---- build and serve ---------------------------------------------------------------------

if (!existsSync(chromiumPath)) {
  console.error(`${chromiumPath} is missing: apt-get update && apt-get install -y chromium`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (!existsSync(join(root, 'build/core.wasm'))) {
  console.error('build/core.wasm is missing: npm run build:core');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// --dev: test the vite dev server (`npm run web`) instead of the built site.
const dev = process.argv.includes('--dev');
const configFile = join(webRoot, 'vite.config.ts');
const tBuild = performance.now();
await build({ configFile, root: webRoot, logLevel: 'warn' });
const buildMs = performance.now() - tBuild;
const size = dirSize(outDir);
console.log(`built web/dist in ${Math.round(buildMs)} ms: ${size.files} files, ${kib(size.raw)} (${kib(size.gz)} gzipped)`);

const listen = { port: 0, host: '127.0.0.1', strictPort: false };
const server = dev
  ? await (await viteServer({ configFile, root: webRoot, logLevel: 'warn', server: listen })).listen()
  : await preview({ configFile, root: webRoot, logLevel: 'warn', preview: listen });
const base = server.resolvedUrls.local[0];
console.log(`serving ${dev ? 'the dev server' : 'the built site'} at ${base}`);
const plain = await plainServer(outDir);
const plainBase = `http://127.0.0.1:${plain.address().port}/`;

const golden = readFileSync(join(root, 'tests/golden/deadline.stdout'), 'utf8');
const hangupGolden = 'posting hangup to my own proc\n';

const userDataDir = mkdtempSync(join(tmpdir(), 'p9rt-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1280, height: 720 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const consoleLines = [];
let firstResultMs = null;

try {
  const page = await context.newPage();
  page.on('console', (m) => consoleLines.push(`[console.${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

  const tOpen = performance.now();
  let response;

  await check('the page is served with COOP/COEP and is cross-origin isolated', async () => {
    response = await page.goto(base);
    const h = response.headers();
    eq(h['cross-origin-opener-policy'], 'same-origin', 'COOP header');
    eq(h['cross-origin-embedder-policy'], 'require-corp', 'COEP header');
    eq(await page.evaluate(() => self.crossOriginIsolated), true, 'crossOriginIsolated');
    ok(await page.isHidden('#isolation'), 'the isolation warning is shown on an isolated page');
  });

  await check('deadline.go (virtual time) prints what real Go prints and exits ""', async () => {
    const r = await runExample(page, 'deadline.go');
    firstResultMs = performance.now() - tOpen;
    eq(r.state, 'done', `run state (${explain(r)})`);
    eq(r.stdout, golden, 'stdout');
    eq(r.stderr, '', 'stderr');
    eq(r.exit, '', 'exit string');
    eq(r.code, '0', 'exit code');
    ok(/\d/.test(r.elapsed), `elapsed time shown (${r.elapsed})`);
    // The peer writes after 300 ms of the program's clock, and the second Read waits for it.
    ok(r.clockNs >= 300e6, `the program's clock reached 300 ms (${r.clockNs} ns)`);
    console.log(`     first run: compile ${r.compile}, run ${r.elapsed}, program's clock ${r.clockNs / 1e6} ms`);
    ok(r.timeline.trim().length > 0, 'a timeline is shown');
    ok(/hangup/.test(r.timeline) && /interrupted/.test(r.timeline), 'the timeline shows the hangup note interrupting the read');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'playground-deadline.png'), fullPage: false });
  });

  await check('deadline.go matches a live `go run` when Go is installed', async () => {
    const go = spawnSync('go', ['run', 'examples/deadline.go'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    if (go.error || go.status !== 0) {
      console.log('     (no working Go toolchain: compared with tests/golden only)');
      return;
    }
    eq(go.stdout, golden, 'go run output vs tests/golden/deadline.stdout');
  });

  await check('hangup.go ends with exit string "hangup" and never prints its last line', async () => {
    const r = await runExample(page, 'hangup.go');
    eq(r.state, 'done', `run state (${explain(r)})`);
    eq(r.exit, 'hangup', 'exit string');
    eq(r.stdout, hangupGolden, 'stdout');
    ok(!r.stdout.includes('still running'), 'the line after the note appeared');
    await page.screenshot({ path: join(shots, 'playground-hangup.png'), fullPage: false });
  });

  await check('deadline.go in real time prints the same', async () => {
    const r = await runExample(page, 'deadline.go', { clock: 'real' });
    eq(r.state, 'done', `run state (${explain(r)})`);
    eq(r.stdout, golden, 'stdout');
    eq(r.exit, '', 'exit string');
  });

  await check('virtual time is deterministic: same seed, same output and same timeline', async () => {
    const a = await runExample(page, 'deadline.go', { seed: '7' });
    const b = await runExample(page, 'deadline.go', { seed: '7' });
    eq(a.state, 'done', `run state (${explain(a)})`);
    eq(b.stdout, a.stdout, 'stdout of the second run');
    ok(a.timeline.length > 0, 'a timeline');
    eq(b.timeline, a.timeline, 'timeline of the second run');
  });

  await check('Stop ends a program that would run forever', async () => {
    await page.check('input[name="clock"][value="real"]');
    await page.fill('#source', 'package main\n\nimport "time"\n\nfunc main() {\n\tfor {\n\t\ttime.Sleep(10 * time.Millisecond)\n\t}\n}\n');
    await page.click('#run');
    await page.waitForFunction(() => document.body.dataset.state === 'running', null, { timeout: RUN_TIMEOUT });
    await page.waitForTimeout(300);
    eq(await page.evaluate(() => document.body.dataset.state), 'running', 'still running after 300 ms');
    await page.click('#stop');
    await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: 10_000 });
    const r = await result(page);
    eq(r.state, 'error', 'state');
    ok(/stopped/.test(r.status), `status names the stop: ${r.status}`);
    await page.check('input[name="clock"][value="virtual"]');
  });

  await check('a compile error is shown as file:line:col and nothing runs', async () => {
    await page.selectOption('#example', 'deadline.go');
    await page.fill('#source', 'package main\n\nfunc main() {\n\tundefinedThing()\n}\n');
    await page.click('#run');
    await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: RUN_TIMEOUT });
    const r = await result(page);
    eq(r.state, 'error', 'state');
    ok(/^deadline\.go:4:2: .*undefined/m.test(r.stderr), `file:line:col message, got ${JSON.stringify(r.stderr)}`);
    eq(r.stdout, '', 'stdout');
  });

  await check('the page works narrow (390 px) and is keyboard operable', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.selectOption('#example', 'hangup.go');
    await page.selectOption('#example', 'deadline.go');
    // Keyboard only: focus the seed field and submit the form with Enter.
    await page.focus('#seed');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: RUN_TIMEOUT });
    const r = await result(page);
    eq(r.stdout, golden, 'stdout');
    await page.screenshot({ path: join(shots, 'playground-narrow.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    ok(overflow <= 0, `no horizontal scrolling at 390 px (overflow ${overflow}px)`);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await check('served without COOP/COEP, the page says plainly that it is not isolated', async () => {
    const p2 = await context.newPage();
    await p2.goto(plainBase);
    await p2.waitForFunction(() => document.body.dataset.state !== 'loading');
    eq(await p2.evaluate(() => self.crossOriginIsolated), false, 'crossOriginIsolated');
    eq(await p2.evaluate(() => document.body.dataset.state), 'not-isolated', 'state');
    ok(await p2.isVisible('#isolation'), 'the isolation explanation is visible');
    const msg = await p2.textContent('#isolation');
    ok(/not cross-origin isolated/.test(msg) && /Cross-Origin-Embedder-Policy/.test(msg), `message: ${msg}`);
    ok(await p2.isDisabled('#run'), 'Run is disabled');
    await p2.screenshot({ path: join(shots, 'playground-not-isolated.png') });
    await p2.close();
  });
} finally {
  await context.close().catch(() => {});
  await server.close().catch(() => {});
  plain.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

if (failed > 0 && consoleLines.length > 0) {
  console.log('page console:');
  for (const l of consoleLines.slice(-40)) console.log('  ' + l);
}
console.log(`page open to first result: ${firstResultMs === null ? 'n/a' : `${Math.round(firstResultMs)} ms`}`);
console.log(`built site: ${size.files} files, ${kib(size.raw)} (${kib(size.gz)} gzipped)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
