// Package reflectlite is the part of reflection fmt and errors need, over the
// image's type table (docs/bytecode.md "type record"): a type is its type id,
// a value is its word. Go's internal/reflectlite plays the same role for
// errors.As; p9rt has no reflect package, so fmt uses this one too.
package reflectlite

// Intrinsics (host/abi/defs.ts Intrinsic, "internal/reflectlite.*").
func ifaceWords(x any) (typ int, data uintptr)
func typeName(typ int) string
func kindOf(typ int) int
func elemOf(typ int) int
func lenOf(typ int) int
func sizeOf(typ int) int
func numField(typ int) int
func field(typ int, i int) (name string, ftyp int, offset int)
func loadWord(addr uintptr) int
func loadByte(addr uintptr) int
func packEface(typ int, word int) any
func implements(typ int, iface int) bool
func store(addr uintptr, typ int, v any)
func missingMethod(typ int, iface int) string
func memmove(dst, src uintptr, n int)
func mapiter(m uintptr) *hiter
func mapnext(it *hiter) (k int, v int, ok bool)
func keyOf(typ int) int

// hiter is the core's map iterator; Go code only passes its address.
type hiter struct{}

// IfaceWords splits x into its dynamic type id (0 for nil) and data word.
func IfaceWords(x any) (typ int, data uintptr) { return ifaceWords(x) }

// TypeOf is the type id of x's dynamic type, 0 for nil.
func TypeOf(x any) int {
	t, _ := ifaceWords(x)
	return t
}

// TypeIDOf is the type id of x's dynamic type, or of its element type when
// elem is true: TypeIDOf((*error)(nil), true) is error's id.
func TypeIDOf(x any, elem bool) int {
	t, _ := ifaceWords(x)
	if elem {
		return elemOf(t)
	}
	return t
}

// Name is a type's name as %T prints it.
func Name(typ int) string { return typeName(typ) }

// Kind is a type's kind (Bool .. Interface), 0 for the nil type.
func Kind(typ int) int { return kindOf(typ) }

// Elem is the element type of a pointer, slice, array, chan or map type.
func Elem(typ int) int { return elemOf(typ) }

// Len is an array type's length.
func Len(typ int) int { return lenOf(typ) }

// Size is the size of a value of the type inside a block.
func Size(typ int) int { return sizeOf(typ) }

// NumField is a struct type's number of fields.
func NumField(typ int) int { return numField(typ) }

// Field is a struct type's i'th field: its name, type and byte offset.
func Field(typ int, i int) (name string, ftyp int, offset int) { return field(typ, i) }

// Implements reports whether typ's method set covers interface type iface.
func Implements(typ int, iface int) bool { return implements(typ, iface) }

// MissingMethod names a method of iface that typ lacks, "" if none.
func MissingMethod(typ int, iface int) string { return missingMethod(typ, iface) }

// AssignableTo reports whether the dynamic value of v can be assigned to a
// variable of type typ.
func AssignableTo(v any, typ int) bool {
	vt := TypeOf(v)
	if vt == 0 {
		return false
	}
	if vt == typ {
		return true
	}
	return kindOf(typ) == Interface && implements(vt, typ)
}

// Store sets the variable of type typ at addr to v.
func Store(addr uintptr, typ int, v any) { store(addr, typ, v) }

// PackEface makes an interface holding word as a value of type typ.
func PackEface(typ int, word int) any { return packEface(typ, word) }

// Comparable reports whether values of x's dynamic type can be compared
// with ==, as reflect's Type.Comparable does.
func Comparable(x any) bool {
	return comparable(TypeOf(x))
}

func comparable(typ int) bool {
	switch kindOf(typ) {
	case Slice, Map, Func:
		return false
	case Array:
		return comparable(elemOf(typ))
	case Struct:
		for i := 0; i < numField(typ); i++ {
			_, ft, _ := field(typ, i)
			if !comparable(ft) {
				return false
			}
		}
	}
	return true
}

// Memmove copies n bytes from src to dst.
func Memmove(dst, src uintptr, n int) { memmove(dst, src, n) }

// ElemSize is the size of an element of the type in an array or slice:
// bytes (int8, uint8) are packed, everything else takes a block slot.
func ElemSize(typ int) int { return elemSize(typ) }

// Key is a map type's key type.
func Key(typ int) int { return keyOf(typ) }
