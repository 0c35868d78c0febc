package runtime

// Error is what the runtime panics with when a program goes wrong (an
// index out of range, a failed type assertion, ...). RuntimeError does
// nothing: having it is what marks a type as one of these.
type Error interface {
	error
	RuntimeError()
}

// A TypeAssertionError explains a failed type assertion. The core reports
// type ids (PanicCode TYPEASSERT), so the names are looked up from them.
type TypeAssertionError struct {
	_interface    string // static type of the operand; "" when unknown
	concrete      int    // type id of the dynamic type, 0 for nil
	asserted      int    // type id of the wanted type
	missingMethod string // one method needed by asserted, missing from concrete
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	// The operand's static type, as Go prints it here ("main.I is main.A,
	// not main.B"): the core passes it for a named or non-empty interface
	// (ASSERTI); any other operand is `any`, "interface {}".
	inter := "interface {}"
	if e._interface != "" {
		inter = e._interface
	}
	as := typeName(e.asserted)
	if e.concrete == 0 {
		return "interface conversion: " + inter + " is nil, not " + as
	}
	cs := typeName(e.concrete)
	if e.missingMethod == "" {
		msg := "interface conversion: " + inter + " is " + cs + ", not " + as
		if cs == as {
			msg += " (types from different scopes)"
		}
		return msg
	}
	return "interface conversion: " + cs + " is not " + as +
		": missing method " + e.missingMethod
}

// errorString is a run-time error that is just its text, printed after
// "runtime error: ".
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string {
	return "runtime error: " + string(e)
}

// plainError is like errorString but its text has no "runtime error: "
// prefix: Go uses it for channel misuse and nil-map writes.
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string {
	return string(e)
}

// A boundsError represents an indexing or slicing operation gone wrong
// (go runtime/error.go).
type boundsError struct {
	x      int
	y      int
	signed bool
	code   int
}

// The codes of boundsError, as Go numbers them.
const (
	boundsIndex     = 0
	boundsSliceAlen = 1
	boundsSliceAcap = 2
	boundsSliceB    = 3

	boundsSlice3Alen = 4
	boundsSlice3Acap = 5
	boundsSlice3B    = 6
	boundsSlice3C    = 7
)

// How each kind of bounds error prints around its two numbers x and y:
// "<what> out of range" + before + x, then either (mid set) mid + y +
// after, or after + tail + y. A negative x (signed) is printed without y:
// before + x + mid + after, or before + x + after.
type boundsShape struct {
	before, mid, after, tail string
}

var boundsShapes = [...]boundsShape{
	boundsIndex:      {before: "[", after: "]", tail: " with length "},
	boundsSliceAlen:  {before: "[:", after: "]", tail: " with length "},
	boundsSliceAcap:  {before: "[:", after: "]", tail: " with capacity "},
	boundsSliceB:     {before: "[", mid: ":", after: "]"},
	boundsSlice3Alen: {before: "[::", after: "]", tail: " with length "},
	boundsSlice3Acap: {before: "[::", after: "]", tail: " with capacity "},
	boundsSlice3B:    {before: "[:", mid: ":", after: "]"},
	boundsSlice3C:    {before: "[", mid: ":", after: ":]"},
}

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string {
	shape := boundsShapes[e.code]
	msg := "runtime error: slice bounds out of range "
	if e.code == boundsIndex {
		msg = "runtime error: index out of range "
	}
	msg += shape.before + itoa(e.x)
	withY := !(e.signed && e.x < 0)
	switch {
	case shape.mid == "":
		msg += shape.after
		if withY {
			msg += shape.tail + itoa(e.y)
		}
	case withY:
		msg += shape.mid + itoa(e.y) + shape.after
	default:
		msg += shape.mid + shape.after
	}
	return msg
}

// itoa is the decimal text of v. The runtime imports nothing, not even
// internal/itoa (which the other packages use), so it keeps its own copy, as
// Go's runtime does.
func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	u := uint64(v)
	if neg {
		u = uint64(-v)
	}
	var buf [20]byte
	i := len(buf)
	for u > 0 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
