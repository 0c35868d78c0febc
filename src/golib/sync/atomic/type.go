package atomic

// A Bool is an atomic boolean value. The zero value is false.
type Bool struct {
	v int32
}

func b32(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// Load atomically loads and returns the value stored in x.
func (x *Bool) Load() bool { return LoadInt32(&x.v) != 0 }

// Store atomically stores val into x.
func (x *Bool) Store(val bool) { StoreInt32(&x.v, b32(val)) }

// Swap atomically stores new into x and returns the previous value.
func (x *Bool) Swap(new bool) (old bool) { return SwapInt32(&x.v, b32(new)) != 0 }

// CompareAndSwap executes the compare-and-swap operation for the boolean value x.
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	return CompareAndSwapInt32(&x.v, b32(old), b32(new))
}

// An Int32 is an atomic int32. The zero value is zero.
type Int32 struct {
	v int32
}

func (x *Int32) Load() int32           { return LoadInt32(&x.v) }
func (x *Int32) Store(val int32)       { StoreInt32(&x.v, val) }
func (x *Int32) Swap(new int32) int32  { return SwapInt32(&x.v, new) }
func (x *Int32) Add(delta int32) int32 { return AddInt32(&x.v, delta) }
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	return CompareAndSwapInt32(&x.v, old, new)
}

// An Int64 is an atomic int64. The zero value is zero.
type Int64 struct {
	v int64
}

func (x *Int64) Load() int64           { return LoadInt64(&x.v) }
func (x *Int64) Store(val int64)       { StoreInt64(&x.v, val) }
func (x *Int64) Swap(new int64) int64  { return SwapInt64(&x.v, new) }
func (x *Int64) Add(delta int64) int64 { return AddInt64(&x.v, delta) }
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	return CompareAndSwapInt64(&x.v, old, new)
}

// A Uint32 is an atomic uint32, kept as the int32 with the same bits.
type Uint32 struct {
	v int32
}

func (x *Uint32) Load() uint32     { return uint32(LoadInt32(&x.v)) }
func (x *Uint32) Store(val uint32) { StoreInt32(&x.v, int32(val)) }
func (x *Uint32) Swap(new uint32) uint32 {
	return uint32(SwapInt32(&x.v, int32(new)))
}
func (x *Uint32) Add(delta uint32) uint32 { return uint32(AddInt32(&x.v, int32(delta))) }
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	return CompareAndSwapInt32(&x.v, int32(old), int32(new))
}

// A Value provides an atomic load and store of a consistently typed value.
type Value struct {
	lock int32 // a spin lock: held only across a few words, never across a block
	v    any
}

func (v *Value) acquire() {
	for !CompareAndSwapInt32(&v.lock, 0, 1) {
		yield()
	}
}

func (v *Value) release() { StoreInt32(&v.lock, 0) }

// Load returns the value set by the most recent Store, or nil.
func (v *Value) Load() (val any) {
	v.acquire()
	val = v.v
	v.release()
	return
}

// Store sets the value of the Value v to val. All calls to Store for a given
// Value must use values of the same concrete type.
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	v.acquire()
	if v.v != nil && typeOf(v.v) != typeOf(val) {
		v.release()
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
	v.v = val
	v.release()
}

// Swap stores new into Value and returns the previous value.
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	v.acquire()
	if v.v != nil && typeOf(v.v) != typeOf(new) {
		v.release()
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	old = v.v
	v.v = new
	v.release()
	return
}
