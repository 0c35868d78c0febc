package runtime

// The Error interface identifies a run time error.
type Error interface {
	error

	// RuntimeError is a no-op function but
	// serves to distinguish types that are run time
	// errors from ordinary errors: a type is a
	// run time error if it has a RuntimeError method.
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

// An errorString represents a runtime error described by a single string.
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

var boundsErrorFmts = [...]string{
	boundsIndex:      "index out of range [%x] with length %y",
	boundsSliceAlen:  "slice bounds out of range [:%x] with length %y",
	boundsSliceAcap:  "slice bounds out of range [:%x] with capacity %y",
	boundsSliceB:     "slice bounds out of range [%x:%y]",
	boundsSlice3Alen: "slice bounds out of range [::%x] with length %y",
	boundsSlice3Acap: "slice bounds out of range [::%x] with capacity %y",
	boundsSlice3B:    "slice bounds out of range [:%x:%y]",
	boundsSlice3C:    "slice bounds out of range [%x:%y:]",
}

// boundsNegErrorFmts are overriding formats if x is negative. In this case
// there's no need to report y.
var boundsNegErrorFmts = [...]string{
	boundsIndex:      "index out of range [%x]",
	boundsSliceAlen:  "slice bounds out of range [:%x]",
	boundsSliceAcap:  "slice bounds out of range [:%x]",
	boundsSliceB:     "slice bounds out of range [%x:]",
	boundsSlice3Alen: "slice bounds out of range [::%x]",
	boundsSlice3Acap: "slice bounds out of range [::%x]",
	boundsSlice3B:    "slice bounds out of range [:%x:]",
	boundsSlice3C:    "slice bounds out of range [%x::]",
}

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string {
	fmt := boundsErrorFmts[e.code]
	if e.signed && e.x < 0 {
		fmt = boundsNegErrorFmts[e.code]
	}
	b := make([]byte, 0, 100)
	b = append(b, "runtime error: "...)
	for i := 0; i < len(fmt); i++ {
		c := fmt[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		i++
		switch fmt[i] {
		case 'x':
			b = append(b, itoa(e.x)...)
		case 'y':
			b = append(b, itoa(e.y)...)
		}
	}
	return string(b)
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
