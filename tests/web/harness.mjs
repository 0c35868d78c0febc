// What the browser tests share: build the playground once, serve it with vite preview (COOP/COEP
// headers) on a free localhost port, drive Debian's chromium with playwright-core, and read what
// the page shows. Screenshots go to tests/web/out/ (gitignored); P9RT_KEEP_SCREENSHOTS=1 also
// copies them over the chosen ones committed in tests/web/screenshots/.
import { build, createServer as viteServer, preview } from 'vite';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const webRoot = join(root, 'web');
const outDir = join(webRoot, 'dist');
const shots = join(root, 'tests/web/out');
const keptShots = join(root, 'tests/web/screenshots');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const RUN_TIMEOUT = 120_000;

export async function shot(page, name, opts = {}) {
  mkdirSync(shots, { recursive: true });
  const path = join(shots, name);
  await page.screenshot({ path, ...opts });
  if (process.env.P9RT_KEEP_SCREENSHOTS) {
    mkdirSync(keptShots, { recursive: true });
    copyFileSync(path, join(keptShots, name));
  }
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

export const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

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

/**
 * Build and serve the site, start chromium. P9RT_WEB_DEV=1 tests the vite dev server
 * (`npm run web`) instead of the built site.
 */
export async function startSite() {
  assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get update && apt-get install -y chromium`);
  assert.ok(existsSync(join(root, 'build/core.wasm')), 'build/core.wasm is missing: npm run build:core');
  const dev = !!process.env.P9RT_WEB_DEV;
  const configFile = join(webRoot, 'vite.config.ts');
  const tBuild = performance.now();
  await build({ configFile, root: webRoot, logLevel: 'warn' });
  const buildMs = performance.now() - tBuild;
  const size = dirSize(outDir);
  console.log(`# built web/dist in ${Math.round(buildMs)} ms: ${size.files} files, ${kib(size.raw)} (${kib(size.gz)} gzipped)`);
  const listen = { port: 0, host: '127.0.0.1', strictPort: false };
  const server = dev
    ? await (await viteServer({ configFile, root: webRoot, logLevel: 'warn', server: listen })).listen()
    : await preview({ configFile, root: webRoot, logLevel: 'warn', preview: listen });
  const base = server.resolvedUrls.local[0];
  const plain = await plainServer(outDir);
  const plainBase = `http://127.0.0.1:${plain.address().port}/`;
  // The same plain server under a name that is not localhost: not a secure context, so no service
  // worker (--host-resolver-rules below points the name at 127.0.0.1).
  const insecureBase = `http://p9rt-plain.test:${plain.address().port}/`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'p9rt-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP p9rt-plain.test 127.0.0.1'],
  });
  const consoleLines = [];
  // Two cores shared by many: a locator may wait long for a page that is busy but alive.
  context.setDefaultTimeout(90_000);
  return {
    base,
    plainBase,
    insecureBase,
    context,
    size,
    consoleLines,
    watch(page) {
      page.on('console', (m) => consoleLines.push(`[console.${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    },
    async close() {
      await context.close().catch(() => {});
      await server.close().catch(() => {});
      plain.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Read what the page shows: stdout and stderr spans of the output pane, how the run ended, the state.
export async function result(page) {
  return page.evaluate(() => {
    const pick = (cls) => [...document.querySelectorAll(`#output span.${cls}`)].map((s) => s.textContent).join('');
    return {
      state: document.body.dataset.state,
      status: document.getElementById('status').textContent,
      stdout: pick('stdout'),
      stderr: pick('stderr'),
      exit: document.getElementById('exit').dataset.exit ?? null,
      exitText: document.getElementById('exit').textContent,
      reason: document.getElementById('exit').dataset.reason ?? null,
      code: document.getElementById('code').textContent,
      elapsed: document.getElementById('elapsed').textContent,
      compile: document.getElementById('compile-ms').textContent,
      clockNs: Number(document.getElementById('clock-ms').dataset.ns ?? NaN),
    };
  });
}

/** The text timeline (computed when its section is opened). */
export async function textTimeline(page) {
  await page.evaluate(() => {
    const d = document.getElementById('tl-text');
    if (!d.open) d.open = true;
  });
  await page.waitForFunction(() => document.getElementById('timeline').textContent.length > 0);
  return page.textContent('#timeline');
}

export async function waitEnd(page, timeout = RUN_TIMEOUT) {
  await page.waitForFunction(() => ['done', 'error', 'stopped'].includes(document.body.dataset.state), null, { timeout });
  return result(page);
}

/** Start a run by `act` (a key, a click) and wait for its end. */
export async function runBy(page, act) {
  const runs = Number(await page.evaluate(() => document.body.dataset.runs ?? 0));
  await act();
  await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) > n, runs, { timeout: RUN_TIMEOUT });
  return waitEnd(page);
}

// Replace the editor's text (CodeMirror: select all in its content element, then type over it).
export async function setSource(page, text) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.locator('.cm-content').fill(text);
}

export async function openOptions(page) {
  await page.evaluate(() => (document.getElementById('options').open = true));
}

// Choose an example, its options, press Run, wait for the end.
export async function runExample(page, example, { clock, seed = '1', notes = '', poll } = {}) {
  await page.selectOption('#example', example);
  await openOptions(page);
  await page.fill('#seed', seed);
  if (clock) await page.check(`input[name="clock"][value="${clock}"]`);
  if (poll) await page.check(`input[name="poll"][value="${poll}"]`);
  await page.fill('#notes', notes);
  await page.waitForSelector('#run:not([disabled])', { timeout: RUN_TIMEOUT });
  await page.click('#run');
  return waitEnd(page);
}

export function explain(r) {
  return `state=${r.state} status=${JSON.stringify(r.status)} exit=${JSON.stringify(r.exit)}\nstderr:\n${r.stderr}`;
}
