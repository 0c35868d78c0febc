// float64 formatting (assembly/runtime/float.ts, strconv.FormatFloat and fmt's
// float verbs above it) against real Go 1.19: a fixed table whose expected
// output was produced by `go run` (checked without Go too), and thousands of
// generated values (every exponent, denormals, short decimals, exact ties for
// fixed precision) compared with a live `go run` when Go is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runnable = existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(join(root, 'build/core.wasm'));
const haveGo = !spawnSync('go', ['version']).error;
const dir = mkdtempSync(join(tmpdir(), 'p9rt-float-'));

// Values from a xorshift generator, built only with exact or correctly
// rounded IEEE operations, so Go and p9rt hold the same bits.
const GEN = "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"strconv\"\n\t\"strings\"\n)\n\n// Values from a xorshift generator, built only with exact or correctly\n// rounded IEEE operations, so Go and p9rt hold the same bits.\nvar state uint64 = 88172645463325252\n\nfunc next() uint64 {\n\tstate ^= state << 13\n\tstate ^= state >> 7\n\tstate ^= state << 17\n\treturn state\n}\n\nfunc main() {\n\tn := 2000\n\tif len(os.Args) > 1 {\n\t\tn, _ = strconv.Atoi(os.Args[1])\n\t}\n\t// pow2[i] = 2^(i-1074), every power of two a float64 holds\n\tpow2 := make([]float64, 2098)\n\tpow2[1074] = 1\n\tfor i := 1075; i < 2098; i++ {\n\t\tpow2[i] = pow2[i-1] * 2\n\t}\n\tfor i := 1073; i >= 0; i-- {\n\t\tpow2[i] = pow2[i+1] / 2\n\t}\n\tpow10 := make([]float64, 23)\n\tpow10[0] = 1\n\tfor i := 1; i < 23; i++ {\n\t\tpow10[i] = pow10[i-1] * 10\n\t}\n\tvar sb strings.Builder\n\tfmts := []byte{'e', 'E', 'f', 'g', 'G'}\n\tfor i := 0; i < n; i++ {\n\t\tr := next()\n\t\tvar x float64\n\t\tswitch r % 6 {\n\t\tcase 0, 1: // any exponent, full mantissa\n\t\t\tm := float64(next()>>11) // 53 bits\n\t\t\tx = m * pow2[int(next()%2046)]\n\t\tcase 2: // near the denormals\n\t\t\tx = float64(next()>>(11+next()%50)) * pow2[int(next()%40)]\n\t\tcase 3: // short decimals: k / 10^j (correctly rounded)\n\t\t\tx = float64(next()%100000) / pow10[int(next()%23)]\n\t\tcase 4: // integers and halves (ties for fixed precision)\n\t\t\tx = float64(next()%2000000) / 8\n\t\tcase 5: // short decimals times 10^j\n\t\t\tx = float64(next()%1000) * pow10[int(next()%23)]\n\t\t}\n\t\tif next()%2 == 0 {\n\t\t\tx = -x\n\t\t}\n\t\tf := fmts[next()%5]\n\t\tp := int(next()%22) - 1\n\t\tsb.WriteString(strconv.FormatFloat(x, 'g', -1, 64))\n\t\tsb.WriteByte(' ')\n\t\tsb.WriteString(strconv.FormatFloat(x, 'e', -1, 64))\n\t\tsb.WriteByte(' ')\n\t\tsb.WriteString(strconv.FormatFloat(x, f, p, 64))\n\t\tsb.WriteByte(' ')\n\t\tif x < 1e30 && x > -1e30 {\n\t\t\tsb.WriteString(strconv.FormatFloat(x, 'f', -1, 64))\n\t\t}\n\t\tsb.WriteByte('\\n')\n\t\tif i%100 == 0 {\n\t\t\tfmt.Print(sb.String())\n\t\t\tsb.Reset()\n\t\t\tfmt.Printf(\"%v %.3f %8.2e %g %+.4g %x\\n\", x, x, x, x/7, x*3, 7)\n\t\t}\n\t}\n\tfmt.Print(sb.String())\n}\n";

const FIXED = "package main\n\nimport (\n\t\"fmt\"\n\t\"strconv\"\n)\n\nfunc main() {\n\tz := 0.0\n\tx := 0.1\n\tvals := []float64{x + 0.2, 1 / z, -1 / z, 2.25, 0.5, 1.5, 2.5, 0.125, 5e-324, 1.7976931348623157e308,\n\t\t2.9289682539682538, 1e21, 1e20, 123456789, 0.000012, 1e-7, 100, 9.5, 0.05, 1.0 / 3, -0.0 * x, 2.675, 1e23, 8.41e21}\n\tfor _, v := range vals {\n\t\tfmt.Println(v, strconv.FormatFloat(v, 'e', -1, 64), strconv.FormatFloat(v, 'f', 1, 64),\n\t\t\tstrconv.FormatFloat(v, 'f', 0, 64), strconv.FormatFloat(v, 'e', 2, 64), strconv.FormatFloat(v, 'g', 3, 64))\n\t\tfmt.Printf(\"%v|%.2f|%8.3e|%G|%+g|%07.2f\\n\", v, v, v, v, v, v)\n\t}\n}\n";

const FIXED_WANT = "0.30000000000000004 3.0000000000000004e-01 0.3 0 3.00e-01 0.3\n0.30000000000000004|0.30|3.000e-01|0.30000000000000004|+0.30000000000000004|0000.30\n+Inf +Inf +Inf +Inf +Inf +Inf\n+Inf|+Inf|    +Inf|+Inf|+Inf|   +Inf\n-Inf -Inf -Inf -Inf -Inf -Inf\n-Inf|-Inf|    -Inf|-Inf|-Inf|   -Inf\n2.25 2.25e+00 2.2 2 2.25e+00 2.25\n2.25|2.25|2.250e+00|2.25|+2.25|0002.25\n0.5 5e-01 0.5 0 5.00e-01 0.5\n0.5|0.50|5.000e-01|0.5|+0.5|0000.50\n1.5 1.5e+00 1.5 2 1.50e+00 1.5\n1.5|1.50|1.500e+00|1.5|+1.5|0001.50\n2.5 2.5e+00 2.5 2 2.50e+00 2.5\n2.5|2.50|2.500e+00|2.5|+2.5|0002.50\n0.125 1.25e-01 0.1 0 1.25e-01 0.125\n0.125|0.12|1.250e-01|0.125|+0.125|0000.12\n5e-324 5e-324 0.0 0 4.94e-324 4.94e-324\n5e-324|0.00|4.941e-324|5E-324|+5e-324|0000.00\n1.7976931348623157e+308 1.7976931348623157e+308 179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.0 179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368 1.80e+308 1.8e+308\n1.7976931348623157e+308|179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.00|1.798e+308|1.7976931348623157E+308|+1.7976931348623157e+308|179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.00\n2.9289682539682538 2.9289682539682538e+00 2.9 3 2.93e+00 2.93\n2.9289682539682538|2.93|2.929e+00|2.9289682539682538|+2.9289682539682538|0002.93\n1e+21 1e+21 1000000000000000000000.0 1000000000000000000000 1.00e+21 1e+21\n1e+21|1000000000000000000000.00|1.000e+21|1E+21|+1e+21|1000000000000000000000.00\n1e+20 1e+20 100000000000000000000.0 100000000000000000000 1.00e+20 1e+20\n1e+20|100000000000000000000.00|1.000e+20|1E+20|+1e+20|100000000000000000000.00\n1.23456789e+08 1.23456789e+08 123456789.0 123456789 1.23e+08 1.23e+08\n1.23456789e+08|123456789.00|1.235e+08|1.23456789E+08|+1.23456789e+08|123456789.00\n1.2e-05 1.2e-05 0.0 0 1.20e-05 1.2e-05\n1.2e-05|0.00|1.200e-05|1.2E-05|+1.2e-05|0000.00\n1e-07 1e-07 0.0 0 1.00e-07 1e-07\n1e-07|0.00|1.000e-07|1E-07|+1e-07|0000.00\n100 1e+02 100.0 100 1.00e+02 100\n100|100.00|1.000e+02|100|+100|0100.00\n9.5 9.5e+00 9.5 10 9.50e+00 9.5\n9.5|9.50|9.500e+00|9.5|+9.5|0009.50\n0.05 5e-02 0.1 0 5.00e-02 0.05\n0.05|0.05|5.000e-02|0.05|+0.05|0000.05\n0.3333333333333333 3.333333333333333e-01 0.3 0 3.33e-01 0.333\n0.3333333333333333|0.33|3.333e-01|0.3333333333333333|+0.3333333333333333|0000.33\n0 0e+00 0.0 0 0.00e+00 0\n0|0.00|0.000e+00|0|+0|0000.00\n2.675 2.675e+00 2.7 3 2.67e+00 2.67\n2.675|2.67|2.675e+00|2.675|+2.675|0002.67\n1e+23 1e+23 99999999999999991611392.0 99999999999999991611392 1.00e+23 1e+23\n1e+23|99999999999999991611392.00|1.000e+23|1E+23|+1e+23|99999999999999991611392.00\n8.41e+21 8.41e+21 8409999999999999475712.0 8409999999999999475712 8.41e+21 8.41e+21\n8.41e+21|8409999999999999475712.00|8.410e+21|8.41E+21|+8.41e+21|8409999999999999475712.00\n";

function p9rt(src, name, args = []) {
  const file = join(dir, name + '.go');
  writeFileSync(file, src);
  const r = spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), 'run', file, ...args],
    { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  return r.stdout;
}

function firstDiff(want, got) {
  const w = want.split('\n'), g = got.split('\n');
  for (let i = 0; i < Math.max(w.length, g.length); i++)
    if (w[i] !== g[i]) return `line ${i + 1}:\n  go:   ${w[i]}\n  p9rt: ${g[i]}`;
  return '';
}

test('shortest, fixed and exponent forms of a table of floats print as Go prints them', (t) => {
  if (!runnable) return t.skip('core or CLI not built');
  const got = p9rt(FIXED, 'fixed');
  assert.equal(got, FIXED_WANT, firstDiff(FIXED_WANT, got));
});

test('thousands of generated float64 values format as real Go formats them', (t) => {
  if (!runnable) return t.skip('core or CLI not built');
  if (!haveGo) return t.skip('go not installed');
  const n = '6000';
  const got = p9rt(GEN, 'gen', [n]);
  const b = spawnSync('go', ['build', '-o', join(dir, 'gen.bin'), join(dir, 'gen.go')], { encoding: 'utf8', timeout: 120_000 });
  if (b.error || b.status !== 0) return t.skip('go build failed: ' + (b.stderr || b.error));
  const want = spawnSync(join(dir, 'gen.bin'), [n], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  assert.equal(want.split('\n').length, 6000 + 60 + 1);
  assert.ok(got === want, firstDiff(want, got));
});
