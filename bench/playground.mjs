// The playground's figures (issue 16): open to first result, cold (a fresh browser profile: no
// HTTP cache, no compiled wasm) and warm (a reload), pressing Run the moment it is enabled; and how
// long Stop takes to end a busy loop, a print loop and a sleep loop. Baselines beside them: the
// CLI running the same program on this machine now (the floor: no browser, no page), and the
// figures issue 16 recorded before this work (2.6-3.2 s cold).
// Run: npm run build && node bench/playground.mjs [runs]
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));
const webRoot = join(root, 'web');
const configFile = join(webRoot, 'vite.config.ts');
await build({ configFile, root: webRoot, logLevel: 'warn' });
const server = await preview({ configFile, root: webRoot, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
const base = server.resolvedUrls.local[0];
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const fmt = (a) => `median ${Math.round(median(a))} ms (${a.map(Math.round).join(', ')})`;

/** ms from navigation start to the first run's result on the page (in the page's own clock). */
async function openToResult(page, reload) {
  if (reload) await page.reload();
  else await page.goto(base);
  await page.waitForFunction(() => !document.getElementById('run').disabled, null, { timeout: 120_000 });
  await page.click('#run');
  await page.waitForFunction(() => ['done', 'error', 'stopped'].includes(document.body.dataset.state), null, { timeout: 120_000 });
  return page.evaluate(() => performance.now());
}

const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-bench-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 }, args });
  const page = await ctx.newPage();
  cold.push(await openToResult(page, false));
  warm.push(await openToResult(page, true));
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
}

// Stop: from the click to the page saying stopped.
const dir = mkdtempSync(join(tmpdir(), 'p9rt-bench-'));
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 }, args });
const page = await ctx.newPage();
await page.goto(base);
await page.waitForFunction(() => !document.getElementById('run').disabled, null, { timeout: 120_000 });
const loops = {
  'busy loop': 'package main\n\nfunc main() {\n\tfor {\n\t}\n}\n',
  'print loop': 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println("line", i)\n\t}\n}\n',
  'sleep loop': 'package main\n\nimport "time"\n\nfunc main() {\n\tfor {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n}\n',
};
const stops = {};
for (const [name, src] of Object.entries(loops)) {
  stops[name] = [];
  for (let i = 0; i < runs; i++) {
    await page.click('.cm-content');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.locator('.cm-content').fill(src);
    await page.click('#run');
    await page.waitForFunction(() => document.body.dataset.state === 'running', null, { timeout: 120_000 });
    await page.waitForTimeout(2000);
    stops[name].push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const t0 = performance.now();
            new MutationObserver((_, obs) => {
              if (document.body.dataset.state === 'stopped') {
                obs.disconnect();
                resolve(performance.now() - t0);
              }
            }).observe(document.body, { attributes: true });
            document.getElementById('stop').click();
          }),
      ),
    );
  }
}
await ctx.close();
rmSync(dir, { recursive: true, force: true });
await server.close();

// The floor: the CLI runs deadline.go (compile and run, no browser).
const cli = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  spawnSync('node', ['bin/p9rt.js', 'run', 'examples/deadline.go'], { cwd: root });
  cli.push(performance.now() - t0);
}

console.log(`machine load average: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`open to first result, cold:  ${fmt(cold)}   (issue 16 before: 2600-3200 ms)`);
console.log(`open to first result, warm:  ${fmt(warm)}`);
console.log(`baseline: p9rt run examples/deadline.go from the shell: ${fmt(cli)}`);
for (const [name, a] of Object.entries(stops)) console.log(`Stop to "stopped", ${name}: ${fmt(a)}   (target 200 ms)`);
