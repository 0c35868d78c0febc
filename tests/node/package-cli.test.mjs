// The command as documentation (issue 19): --version, help COMMAND, exit codes in
// --help, and docs/api.md kept equal to what the source's doc comments give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = root + 'bin/p9rt.js';
const pkg = JSON.parse(readFileSync(root + 'package.json', 'utf8'));

function p9rt(...args) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
}

test('p9rt --version and p9rt version print the package version', () => {
  for (const flag of ['--version', 'version']) {
    const r = p9rt(flag);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `p9rt ${pkg.version}\n`);
  }
});

test('p9rt --help lists the commands, the flags and every exit code', () => {
  const r = p9rt('--help');
  assert.equal(r.status, 0);
  for (const cmd of ['run', 'test', 'build', 'help', 'version']) assert.match(r.stdout, new RegExp(`^  p9rt ${cmd}\\b`, 'm'));
  const codes = r.stdout.slice(r.stdout.indexOf('exit codes:'));
  for (const c of ['0', 'N', '1', '2', '3']) assert.match(codes, new RegExp(`^  ${c} +\\S`, 'm'), `exit code ${c}`);
});

test('p9rt help COMMAND and COMMAND --help print that command\'s usage; an unknown one is exit 2', () => {
  for (const cmd of ['run', 'test', 'build']) {
    const a = p9rt('help', cmd);
    assert.equal(a.status, 0);
    assert.match(a.stdout, new RegExp(`^usage: p9rt ${cmd} `));
    const b = p9rt(cmd, '--help');
    assert.equal(b.stdout, a.stdout);
  }
  assert.match(p9rt('help', 'test').stdout, /-run REGEXP/);
  assert.match(p9rt('help', 'run').stdout, /--note WHEN:TARGET:TEXT/);
  const bad = p9rt('help', 'frobnicate');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown command "frobnicate"/);
});

test('exit codes are the ones --help lists', () => {
  const r = p9rt('run', 'examples/hangup.go');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /p9rt: exit: hangup/);
  assert.equal(p9rt('run', '--seed', 'x', 'examples/hangup.go').status, 2);
  assert.equal(p9rt('run', 'tests/no/such.go').status, 2);
});

test('docs/api.md is what tools/genapidoc.mjs makes of the source, and the README links it', () => {
  const r = spawnSync(process.execPath, [root + 'tools/genapidoc.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const api = readFileSync(root + 'docs/api.md', 'utf8');
  for (const name of ['compile', 'Machine.start', 'machine.postnote', 'StartOptions', 'TraceEventKind', 'note.deliver']) assert.ok(api.includes(name), name);
  assert.match(readFileSync(root + 'README.md', 'utf8'), /\]\(docs\/api\.md\)/);
});
