package atomic

// The typed wrappers below (Go 1.19's atomic types) each hold one word and
// forward to the functions of this package. Bool and Uint32 keep their value
// as the int32 with the same bits, so every operation reaches the runtime's
// 32-bit intrinsics.

// A Bool is a boolean read and written atomically; its zero value is false.
type Bool struct {
	bits int32
}

func boolBits(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// Load reads b.
func (b *Bool) Load() bool { return LoadInt32(&b.bits) != 0 }

// Store writes v into b.
func (b *Bool) Store(v bool) { StoreInt32(&b.bits, boolBits(v)) }

// Swap writes v into b and answers what b held before.
func (b *Bool) Swap(v bool) (old bool) { return SwapInt32(&b.bits, boolBits(v)) != 0 }

// CompareAndSwap writes v into b only if b holds want, and says whether it did.
func (b *Bool) CompareAndSwap(want, v bool) (swapped bool) {
	return CompareAndSwapInt32(&b.bits, boolBits(want), boolBits(v))
}

// An Int32 is an int32 read and written atomically; its zero value is 0.
type Int32 struct {
	n int32
}

func (i *Int32) Load() int32        { return LoadInt32(&i.n) }
func (i *Int32) Store(v int32)      { StoreInt32(&i.n, v) }
func (i *Int32) Swap(v int32) int32 { return SwapInt32(&i.n, v) }
func (i *Int32) Add(by int32) int32 { return AddInt32(&i.n, by) }
func (i *Int32) CompareAndSwap(want, v int32) (swapped bool) {
	return CompareAndSwapInt32(&i.n, want, v)
}

// An Int64 is an int64 read and written atomically; its zero value is 0.
type Int64 struct {
	n int64
}

func (i *Int64) Load() int64        { return LoadInt64(&i.n) }
func (i *Int64) Store(v int64)      { StoreInt64(&i.n, v) }
func (i *Int64) Swap(v int64) int64 { return SwapInt64(&i.n, v) }
func (i *Int64) Add(by int64) int64 { return AddInt64(&i.n, by) }
func (i *Int64) CompareAndSwap(want, v int64) (swapped bool) {
	return CompareAndSwapInt64(&i.n, want, v)
}

// A Uint32 is a uint32 read and written atomically, kept as the int32 with
// the same bits (two's complement makes Add the same operation on both).
type Uint32 struct {
	bits int32
}

func (u *Uint32) Load() uint32         { return uint32(LoadInt32(&u.bits)) }
func (u *Uint32) Store(v uint32)       { StoreInt32(&u.bits, int32(v)) }
func (u *Uint32) Swap(v uint32) uint32 { return uint32(SwapInt32(&u.bits, int32(v))) }
func (u *Uint32) Add(by uint32) uint32 { return uint32(AddInt32(&u.bits, int32(by))) }
func (u *Uint32) CompareAndSwap(want, v uint32) (swapped bool) {
	return CompareAndSwapInt32(&u.bits, int32(want), int32(v))
}

// A Value holds an interface value that is replaced and read whole. Once it
// holds something, every later value must have the same dynamic type, and
// nil is never accepted: Go panics in both cases, and so does this.
type Value struct {
	spin int32 // 1 while a method copies the two words of held
	held any
}

// lock spins: the lock covers a two-word copy and never a blocking call, so
// waiting means yielding the P until the copier has finished.
func (v *Value) lock() {
	for !CompareAndSwapInt32(&v.spin, 0, 1) {
		yield()
	}
}

func (v *Value) unlock() { StoreInt32(&v.spin, 0) }

// Load answers the value last stored, or nil before the first Store.
func (v *Value) Load() (val any) {
	v.lock()
	val = v.held
	v.unlock()
	return val
}

// Store replaces the held value with x.
func (v *Value) Store(x any) {
	if x == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	if !v.put(x) {
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
}

// Swap replaces the held value with x and answers the one it replaced.
func (v *Value) Swap(x any) (old any) {
	if x == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	if !v.swapIn(x, &old) {
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	return old
}

// put stores x unless the held value has another dynamic type.
func (v *Value) put(x any) bool {
	var ignored any
	return v.swapIn(x, &ignored)
}

// swapIn stores x and leaves the previous value in *prev, unless the held
// value has another dynamic type; the check and the store are one critical
// section, so two racing stores of different types cannot both succeed.
func (v *Value) swapIn(x any, prev *any) bool {
	v.lock()
	if v.held != nil && typeOf(v.held) != typeOf(x) {
		v.unlock()
		return false
	}
	*prev = v.held
	v.held = x
	v.unlock()
	return true
}
