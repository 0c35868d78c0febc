package reflectlite

// A Value is a word of some type: what an interface's data word is, or what
// a field or element holds (docs/bytecode.md "Values").
type Value struct {
	Type int
	Word int
}

// ValueOf splits an interface into its type and word.
func ValueOf(x any) Value {
	t, w := ifaceWords(x)
	return Value{Type: t, Word: int(w)}
}

// Interface packs the value back into an interface.
func (v Value) Interface() any { return packEface(v.Type, v.Word) }

// Kind is the value's kind.
func (v Value) Kind() int { return kindOf(v.Type) }

// IsNil reports whether a pointer, slice, map, chan, func or interface word
// is nil.
func (v Value) IsNil() bool { return v.Word == 0 }

// Len is the length of a slice, array or string.
func (v Value) Len() int {
	switch kindOf(v.Type) {
	case Array:
		return lenOf(v.Type)
	case Slice, String:
		if v.Word == 0 {
			return 0
		}
		// {data i32, len i32, ...}: len is the high half of the first word.
		return int(uint64(loadWord(uintptr(v.Word))) >> 32)
	}
	return 0
}

// Index is element i of a slice or array.
func (v Value) Index(i int) Value {
	et := elemOf(v.Type)
	size := elemSize(et)
	var base uintptr
	if kindOf(v.Type) == Slice {
		base = uintptr(uint64(loadWord(uintptr(v.Word))) & 0xffffffff)
	} else {
		base = uintptr(v.Word)
	}
	return load(base+uintptr(i*size), et, size)
}

// Field is field i of a struct value, with its name.
func (v Value) Field(i int) (string, Value) {
	name, ft, off := field(v.Type, i)
	return name, load(uintptr(v.Word+off), ft, 8)
}

// NumField is the number of fields of a struct value.
func (v Value) NumField() int { return numField(v.Type) }

// Elem is what a pointer points to.
func (v Value) Elem() Value {
	et := elemOf(v.Type)
	return load(uintptr(v.Word), et, sizeOf(et))
}

// String is a string value's text.
func (v Value) String() string {
	s, _ := packEface(TypeString, v.Word).(string)
	return s
}

// elemSize is an element's size in an array or slice: bytes are packed.
func elemSize(et int) int {
	switch kindOf(et) {
	case Int8, Uint8:
		return 1
	}
	return sizeOf(et)
}

// load reads the value of type t stored at addr in a block: structs and
// arrays are inline, so their word is the address itself.
func load(addr uintptr, t int, size int) Value {
	switch kindOf(t) {
	case Struct, Array:
		return Value{Type: t, Word: int(addr)}
	case Int8:
		if size == 1 {
			return Value{Type: t, Word: int(int8(loadByte(addr)))}
		}
	case Uint8:
		if size == 1 {
			return Value{Type: t, Word: loadByte(addr)}
		}
	}
	return Value{Type: t, Word: loadWord(addr)}
}

// Data is the address of a slice's first element (0 for a nil slice), or
// an array's block.
func (v Value) Data() uintptr {
	if kindOf(v.Type) == Slice {
		if v.Word == 0 {
			return 0
		}
		return uintptr(uint64(loadWord(uintptr(v.Word))) & 0xffffffff)
	}
	return uintptr(v.Word)
}

// BytesAddr is the address of b's first byte.
func BytesAddr(b []byte) uintptr {
	return ValueOf(b).Data()
}

// MapRange returns a map value's keys and values, in the map's (random)
// iteration order.
func (v Value) MapRange() (keys, vals []Value) {
	if v.Word == 0 {
		return nil, nil
	}
	kt, vt := keyOf(v.Type), elemOf(v.Type)
	it := mapiter(uintptr(v.Word))
	for {
		k, e, ok := mapnext(it)
		if !ok {
			return keys, vals
		}
		keys = append(keys, Value{Type: kt, Word: k})
		vals = append(vals, Value{Type: vt, Word: e})
	}
}
