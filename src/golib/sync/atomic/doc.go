// Package atomic provides low-level atomic memory primitives. The
// Int32/Int64 operations are the core's intrinsics (host/abi/defs.ts
// "sync/atomic.*"): each works on one 64-bit word and contains no
// safepoint, so with one P it cannot be interleaved with another goroutine.
// The rest is built on them.
package atomic

func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func AddInt32(addr *int32, delta int32) (new int32)
func LoadInt32(addr *int32) (val int32)
func StoreInt32(addr *int32, val int32)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
func AddInt64(addr *int64, delta int64) (new int64)
func LoadInt64(addr *int64) (val int64)
func StoreInt64(addr *int64, val int64)

// SwapInt32 atomically stores new into *addr and returns the previous value.
func SwapInt32(addr *int32, new int32) (old int32) {
	for {
		old = LoadInt32(addr)
		if CompareAndSwapInt32(addr, old, new) {
			return old
		}
	}
}

// SwapInt64 atomically stores new into *addr and returns the previous value.
func SwapInt64(addr *int64, new int64) (old int64) {
	for {
		old = LoadInt64(addr)
		if CompareAndSwapInt64(addr, old, new) {
			return old
		}
	}
}
