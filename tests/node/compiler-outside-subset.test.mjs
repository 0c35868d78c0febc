// Go that p9rt's subset leaves out is named as such (issue 10, "must hold" 5):
// a standard package's name Go 1.19 has but p9rt's copy lacks, and the Go
// 1.17 slice-to-array-pointer conversion; a name Go does not have stays
// "undefined". The real golib packages are loaded (src/golib).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile, CompileError } from '../../dist/src/compiler/index.js';
import { nodeLoader } from '../../dist/src/compiler/node-loader.js';

function errors(src) {
  try {
    compile(src, { filename: 'x.go', loader: nodeLoader });
  } catch (e) {
    assert.ok(e instanceof CompileError, String(e && e.stack));
    return e.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`);
  }
  return [];
}

test('names Go has but p9rt lacks are not supported, names Go lacks are undefined', () => {
  const got = errors(`package main

import (
	"runtime"
	"strings"
)

func main() {
	runtime.SetFinalizer(nil, nil)
	_ = strings.NewReadr
	var r *strings.Replacer
	_ = r
	_ = runtime.Nope
}
`);
  assert.deepEqual(got, [
    '9:10: runtime.SetFinalizer is not supported by p9rt',
    '10:14: undefined: strings.NewReadr',
    '11:17: strings.Replacer is not supported by p9rt',
    '13:14: undefined: runtime.Nope',
  ]);
});

test('the slice to array pointer conversion is named as unsupported', () => {
  const got = errors(`package main

func main() {
	s := []int{1, 2, 3, 4}
	p := (*[4]int)(s)
	_ = p
}
`);
  assert.deepEqual(got, ['5:7: conversion of a slice to an array pointer (Go 1.17) is not supported by p9rt']);
});

test('fields and methods Go has but p9rt lacks are not supported, others are undefined as Go says', () => {
  const got = errors(`package main

import (
	"bufio"
	"net/http"
)

func main() {
	var r *http.Request
	_ = r.TLS
	r.ParseMultipartForm(1 << 20)
	r.Parse()
	var resp http.Response
	_ = resp.Cookies()
	_ = &http.Server{TLSConfig: nil, Addr: ":0", Nope: 1}
	var rw *bufio.ReadWriter
	rw.Nope()
}
`);
  assert.deepEqual(got, [
    '10:8: http.Request.TLS is not supported by p9rt',
    '11:4: http.Request.ParseMultipartForm is not supported by p9rt',
    '12:4: r.Parse undefined (type *http.Request has no field or method Parse)',
    '14:11: http.Response.Cookies is not supported by p9rt',
    '15:19: http.Server.TLSConfig is not supported by p9rt',
    '15:47: unknown field Nope in struct literal of type http.Server',
    '17:5: rw.Nope undefined (type *bufio.ReadWriter has no field or method Nope)',
  ]);
});
