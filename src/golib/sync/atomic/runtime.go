package atomic

import (
	"internal/reflectlite"
	"runtime"
)

func yield() { runtime.Gosched() }

func typeOf(x any) int { return reflectlite.TypeOf(x) }
