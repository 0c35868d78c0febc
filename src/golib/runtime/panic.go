package runtime

// panicRuntime is the image's hook the core calls when an instruction fails
// (docs/bytecode.md "PanicCode"): it builds the value Go's runtime would
// panic with, with Go 1.19's exact text, and panics as if the failing
// instruction had called panic.
func panicRuntime(code, a, b int) {
	switch code {
	case panicIndex:
		panic(boundsError{x: a, y: b, signed: true, code: boundsIndex})
	case panicSlice:
		panic(boundsError{x: a, y: b, signed: true, code: boundsSliceAcap})
	case panicSliceAlen:
		panic(boundsError{x: a, y: b, signed: true, code: boundsSliceAlen})
	case panicSliceB:
		panic(boundsError{x: a, y: b, signed: true, code: boundsSliceB})
	case panicSlice3Alen:
		panic(boundsError{x: a, y: b, signed: true, code: boundsSlice3Alen})
	case panicSlice3Acap:
		panic(boundsError{x: a, y: b, signed: true, code: boundsSlice3Acap})
	case panicSlice3B:
		panic(boundsError{x: a, y: b, signed: true, code: boundsSlice3B})
	case panicSlice3C:
		panic(boundsError{x: a, y: b, signed: true, code: boundsSlice3C})
	case panicDivide:
		panic(divideError)
	case panicNilderef:
		panic(memoryError)
	case panicNilmap:
		panic(plainError("assignment to entry in nil map"))
	case panicSendclosed:
		panic(plainError("send on closed channel"))
	case panicClosenil:
		panic(plainError("close of nil channel"))
	case panicCloseclosed:
		panic(plainError("close of closed channel"))
	case panicTypeassert:
		panic(newTypeAssertionError(a, b))
	case panicTypeassertI:
		// b packs the wanted type id (low 32 bits) and the operand's
		// static interface type (high bits), as Go's panicdottypeI gets it.
		e := newTypeAssertionError(a, b&(1<<32-1))
		e._interface = typeName(b >> 32)
		panic(e)
	case panicMakeslice:
		panic(errorString("makeslice: len out of range"))
	case panicMakeslicecap:
		panic(errorString("makeslice: cap out of range"))
	case panicGrowslice:
		panic(errorString("growslice: cap out of range"))
	case panicShift:
		panic(shiftError)
	case panicMakechan:
		panic(plainError("makechan: size out of range"))
	case panicUncomparable:
		panic(errorString("comparing uncomparable type " + typeName(a)))
	case panicUnhashable:
		panic(errorString("hash of unhashable type " + typeName(a)))
	case panicFloat:
		panic(floatError)
	}
	panic(errorString("unknown runtime panic code " + itoa(code)))
}

// panicwrap is what the compiler's (*T).M wrapper of a value method M calls
// when the pointer it got is nil: Go panics with a text naming the method
// rather than with a nil dereference (go runtime/error.go panicwrap; Go
// takes the names from its caller's symbol, the compiler passes them here).
func panicwrap(pkg, typ, meth string) {
	panic(plainError("value method " + pkg + "." + typ + "." + meth + " called using nil *" + typ + " pointer"))
}

// The values of Go's runtime (go runtime/panic.go).
var (
	divideError = error(errorString("integer divide by zero"))
	memoryError = error(errorString("invalid memory address or nil pointer dereference"))
	shiftError  = error(errorString("negative shift amount"))
	floatError  = error(errorString("floating point error"))
)

func newTypeAssertionError(concrete, asserted int) *TypeAssertionError {
	e := &TypeAssertionError{concrete: concrete, asserted: asserted}
	if kindOf(asserted) == kindInterface {
		if concrete == 0 {
			// Go's assertE2I/assertI2I leave the static type out:
			// "interface is nil, not main.I"
			e._interface = "interface"
		} else {
			e.missingMethod = missingMethod(concrete, asserted)
		}
	}
	return e
}

// kindOf and missingMethod read the image's type table
// (internal/reflectlite's intrinsics, linked here by name).
func kindOf(typ int) int
func missingMethod(typ int, iface int) string

type stringer interface {
	String() string
}

// fatalpanic is the image's hook the core calls on a goroutine whose panic
// unwound every frame: it prints what Go's printpanics and dopanic_m print,
// then ends the program with exit status 2 (go runtime/panic.go).
func fatalpanic(v any) {
	if _, flags := panicAt(0); flags&1 != 0 {
		printpanics(0)
	} else {
		print("panic: ")
		printpanicval(preprintpanic(v))
		print("\n")
	}
	// The core's traceback prints "goroutine N [running]:" and the frames.
	print("\n")
	traceback()
	exit(2)
}

// panicAt reports the goroutine's panic chain (the core keeps it): depth 0 is
// the newest panic; flags: 1 the panic exists, 2 it was recovered, 4 it is a
// Goexit.
func panicAt(depth int) (v any, flags int)

// printpanics prints the chain oldest first, as Go's printpanics does: a
// panic raised while an older one ran its deferred calls is printed after
// it, indented, and a recovered one that was panicked over says so.
func printpanics(depth int) {
	v, flags := panicAt(depth)
	if _, older := panicAt(depth + 1); older&1 != 0 {
		printpanics(depth + 1)
		if older&4 == 0 {
			print("\t")
		}
	}
	if flags&4 != 0 {
		return
	}
	print("panic: ")
	printpanicval(preprintpanic(v))
	if flags&2 != 0 {
		print(" [recovered]")
	}
	print("\n")
}

// preprintpanic: an error or Stringer is printed as its text (go
// preprintpanics).
func preprintpanic(v any) any {
	switch x := v.(type) {
	case error:
		return x.Error()
	case stringer:
		return x.String()
	}
	return v
}

// printpanicval prints an argument passed to panic, as Go's printany does:
// with the builtin print, whose formats are the runtime's.
func printpanicval(v any) {
	switch x := v.(type) {
	case nil:
		print("nil")
	case bool:
		print(x)
	case int:
		print(x)
	case int8:
		print(x)
	case int16:
		print(x)
	case int32:
		print(x)
	case int64:
		print(x)
	case uint:
		print(x)
	case uint8:
		print(x)
	case uint16:
		print(x)
	case uint32:
		print(x)
	case uint64:
		print(x)
	case uintptr:
		print(x)
	case float64:
		print(x)
	case string:
		print(x)
	default:
		printanycustomtype(v)
	}
}

// printanycustomtype prints a value of a named type by its kind: the type's
// name and the value in parentheses, or the type and the data address.
func printanycustomtype(v any) {
	typestring := typeString(v)
	_, data := ifaceWords(v)
	switch typeKind(v) {
	case kindString:
		print(typestring, `("`, packEface(typeIdString, data).(string), `")`)
	case kindBool:
		print(typestring, "(", data != 0, ")")
	case kindInt, kindInt8, kindInt16, kindInt32, kindInt64:
		print(typestring, "(", int64(data), ")")
	case kindUint, kindUint8, kindUint16, kindUint32, kindUint64, kindUintptr:
		print(typestring, "(", uint64(data), ")")
	case kindFloat64:
		print(typestring, "(", packEface(typeIdFloat64, data).(float64), ")")
	default:
		print("(", typestring, ") ", hex(data))
	}
}

// hex is v as the runtime prints a pointer: 0x and lower-case hex digits.
func hex(v uintptr) string {
	const dig = "0123456789abcdef"
	var buf [18]byte
	i := len(buf)
	for {
		i--
		buf[i] = dig[v%16]
		v /= 16
		if v == 0 {
			break
		}
	}
	i--
	buf[i] = 'x'
	i--
	buf[i] = '0'
	return string(buf[i:])
}

// packEface makes an interface of a type id and a data word
// (internal/reflectlite.packEface, linked here by name).
func packEface(typ int, word uintptr) any
