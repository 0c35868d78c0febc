// Package fmt prints values the way Go's fmt does: the Print, Println and
// Printf families and Errorf. There is no reflect package in p9rt, so
// values of composite types are taken apart through the program image's
// type table (internal/reflectlite). The verb-level formatting (padding,
// number bases, quoting) is format.go's; this file decides which verb
// applies to which operand and how directives are read.
package fmt

import (
	"errors"
	"internal/reflectlite"
	"io"
	"os"
	"unicode/utf8"
)

// Fixed pieces of output, among them the %!... notes fmt writes into the
// text when a directive and its operands do not fit together.
const (
	commaSpaceString  = ", "
	nilAngleString    = "<nil>"
	nilParenString    = "(nil)"
	nilString         = "nil"
	mapString         = "map["
	percentBangString = "%!"
	missingString     = "(MISSING)"
	badIndexString    = "(BADINDEX)"
	extraString       = "%!(EXTRA "
	badWidthString    = "%!(BADWIDTH)"
	badPrecString     = "%!(BADPREC)"
	noVerbString      = "%!(NOVERB)"
)

// State is what a Formatter's Format method gets: where to write, and the
// width, precision and flags of the directive being printed.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// A Formatter prints itself, for every verb.
type Formatter interface {
	Format(f State, verb rune)
}

// A Stringer's String is its text for %v and %s (and %q, %x, %X).
type Stringer interface {
	String() string
}

// A GoStringer's GoString is its text for %#v.
type GoStringer interface {
	GoString() string
}

// pp is one printing: the output so far and what the directive being
// printed has set.
type pp struct {
	buf []byte

	// The operand being printed.
	arg any

	// Padding, bases and quoting for the current directive.
	fmt fmt

	// An explicit operand index ([n]) appeared in the format; leftover
	// operands are then not reported.
	reordered bool
	// The last [n] named an operand that exists.
	goodArgNum bool
	// A String/Error/Format method panicked and its panic is being printed:
	// a second panic is not caught again.
	panicking bool
	// A %!verb(...) note is being written: methods are not called for it.
	erroring bool
	// Errorf: %w is allowed, and wrappedErr is the operand it named.
	wrapErrs   bool
	wrappedErr error
}

func newPrinter() *pp {
	p := &pp{}
	p.fmt.init(&p.buf)
	return p
}

func (p *pp) Width() (wid int, ok bool) { return p.fmt.wid, p.fmt.widPresent }

func (p *pp) Precision() (prec int, ok bool) { return p.fmt.prec, p.fmt.precPresent }

// Flag reports the flags of the directive, %+v and %#v included.
func (p *pp) Flag(b int) bool {
	f := &p.fmt
	switch b {
	case '-':
		return f.minus
	case '+':
		return f.plus || f.plusV
	case '#':
		return f.sharp || f.sharpV
	case ' ':
		return f.space
	case '0':
		return f.zero
	}
	return false
}

// Write and WriteString let a Formatter add to the output.
func (p *pp) Write(b []byte) (ret int, err error) {
	p.buf = append(p.buf, b...)
	return len(b), nil
}

func (p *pp) WriteString(s string) (ret int, err error) {
	p.buf = append(p.buf, s...)
	return len(s), nil
}

// ---- the entry points -------------------------------------------------------
//
// Each makes a printer, lets one of doPrintf, doPrint, doPrintln fill it,
// and hands the bytes on.

func sprintf(format string, a []any) []byte {
	p := newPrinter()
	p.doPrintf(format, a)
	return p.buf
}

func sprint(a []any) []byte {
	p := newPrinter()
	p.doPrint(a)
	return p.buf
}

func sprintln(a []any) []byte {
	p := newPrinter()
	p.doPrintln(a)
	return p.buf
}

// Fprintf writes to w what the format makes of the operands.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write(sprintf(format, a))
}

// Printf is Fprintf to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return os.Stdout.Write(sprintf(format, a))
}

// Sprintf returns what the format makes of the operands.
func Sprintf(format string, a ...any) string { return string(sprintf(format, a)) }

// Appendf appends what the format makes of the operands to b.
func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, sprintf(format, a)...)
}

// Fprint writes the operands to w in their default formats, with a space
// between two operands when neither is a string.
func Fprint(w io.Writer, a ...any) (n int, err error) { return w.Write(sprint(a)) }

// Print is Fprint to standard output.
func Print(a ...any) (n int, err error) { return os.Stdout.Write(sprint(a)) }

// Sprint returns what Print would write.
func Sprint(a ...any) string { return string(sprint(a)) }

// Fprintln writes the operands to w in their default formats, separated
// by spaces and followed by a newline.
func Fprintln(w io.Writer, a ...any) (n int, err error) { return w.Write(sprintln(a)) }

// Println is Fprintln to standard output.
func Println(a ...any) (n int, err error) { return os.Stdout.Write(sprintln(a)) }

// Sprintln returns what Println would write.
func Sprintln(a ...any) string { return string(sprintln(a)) }

// Errorf makes an error whose text is what the format makes of the
// operands. A %w directive prints its error operand like %v and makes it
// the result's Unwrap.
func Errorf(format string, a ...any) error {
	p := newPrinter()
	p.wrapErrs = true
	p.doPrintf(format, a)
	if p.wrappedErr != nil {
		return &wrapError{msg: string(p.buf), err: p.wrappedErr}
	}
	return errors.New(string(p.buf))
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }

func (e *wrapError) Unwrap() error { return e.err }

// ---- one operand, one verb ------------------------------------------------------

// maxNum bounds a width or precision, so absurd ones fail instead of
// allocating.
const maxNum = 1000000

// number reads the decimal digits of s[i:end]. ok is false when there are
// none or when they exceed maxNum; next is where the digits end (end when
// they overflowed).
func number(s string, i, end int) (n int, ok bool, next int) {
	for next = i; next < end; next++ {
		c := s[next]
		if c < '0' || c > '9' {
			break
		}
		if n > maxNum || n < -maxNum {
			return 0, false, end
		}
		n = 10*n + int(c-'0')
		ok = true
	}
	return n, ok, next
}

// mark writes the start of a %!verb note.
func (p *pp) mark(verb rune) {
	p.buf = append(p.buf, percentBangString...)
	p.buf = utf8.AppendRune(p.buf, verb)
}

func (p *pp) unknownType(v any) {
	if v == nil {
		p.buf = append(p.buf, nilAngleString...)
		return
	}
	p.buf = append(p.buf, '?')
	p.buf = append(p.buf, typeString(v)...)
	p.buf = append(p.buf, '?')
}

// badVerb notes a verb the operand has no meaning for: %!verb(type=value),
// or %!verb(<nil>).
func (p *pp) badVerb(verb rune) {
	p.erroring = true
	p.mark(verb)
	p.buf = append(p.buf, '(')
	if p.arg == nil {
		p.buf = append(p.buf, nilAngleString...)
	} else {
		p.buf = append(p.buf, typeString(p.arg)...)
		p.buf = append(p.buf, '=')
		p.printArg(p.arg, 'v')
	}
	p.buf = append(p.buf, ')')
	p.erroring = false
}

func (p *pp) fmtBool(v bool, verb rune) {
	if verb != 't' && verb != 'v' {
		p.badVerb(verb)
		return
	}
	p.fmt.putBool(v)
}

// hex prints v in base 16, with or without 0x whatever the # flag says.
func (p *pp) hex(v uint64, with0x bool) {
	saved := p.fmt.sharp
	p.fmt.sharp = with0x
	p.fmt.putInteger(v, 16, unsigned, 'v', ldigits)
	p.fmt.sharp = saved
}

// fmtInteger prints an integer of either signedness for its verb.
func (p *pp) fmtInteger(v uint64, isSigned bool, verb rune) {
	base, digits := 0, ldigits
	switch verb {
	case 'v':
		if p.fmt.sharpV && !isSigned {
			p.hex(v, true) // %#v of an unsigned number is Go syntax: 0x...
			return
		}
		base = 10
	case 'd':
		base = 10
	case 'b':
		base = 2
	case 'o', 'O':
		base = 8
	case 'x':
		base = 16
	case 'X':
		base, digits = 16, udigits
	case 'c':
		p.fmt.putChar(v)
		return
	case 'q':
		p.fmt.putQuotedChar(v)
		return
	case 'U':
		p.fmt.putUnicode(v)
		return
	default:
		p.badVerb(verb)
		return
	}
	p.fmt.putInteger(v, base, isSigned, verb, digits)
}

// fmtFloat prints a float64: %v is %g; %e, %f, %F default to precision 6;
// the others print the shortest text that reads back the same.
func (p *pp) fmtFloat(v float64, verb rune) {
	switch verb {
	case 'v':
		p.fmt.putFloat(v, 'g', -1)
	case 'F':
		p.fmt.putFloat(v, 'f', 6)
	case 'e', 'E', 'f':
		p.fmt.putFloat(v, verb, 6)
	case 'b', 'g', 'G', 'x', 'X':
		p.fmt.putFloat(v, verb, -1)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtString(v string, verb rune) {
	switch {
	case verb == 'q' || (verb == 'v' && p.fmt.sharpV):
		p.fmt.putQuoted(v)
	case verb == 'v' || verb == 's':
		p.fmt.putString(v)
	case verb == 'x':
		p.fmt.putStringHex(v, ldigits)
	case verb == 'X':
		p.fmt.putStringHex(v, udigits)
	default:
		p.badVerb(verb)
	}
}

// list writes the elements of a list between open and close: with %#v
// separated by ", ", otherwise by a space.
func (p *pp) list(open, close byte, n int, elem func(i int)) {
	sep := " "
	if p.fmt.sharpV {
		sep = commaSpaceString
	}
	p.buf = append(p.buf, open)
	for i := 0; i < n; i++ {
		if i > 0 {
			p.buf = append(p.buf, sep...)
		}
		elem(i)
	}
	p.buf = append(p.buf, close)
}

// fmtBytes prints a []byte (or a byte array, whose type is named by
// typeName): as text for %s %q %x %X, as a list of numbers for %v and %d.
func (p *pp) fmtBytes(v []byte, verb rune, typeName string) {
	switch verb {
	case 's':
		p.fmt.putString(string(v))
	case 'q':
		p.fmt.putQuoted(string(v))
	case 'x':
		p.fmt.putBytesHex(v, ldigits)
	case 'X':
		p.fmt.putBytesHex(v, udigits)
	case 'v', 'd':
		if !p.fmt.sharpV {
			p.list('[', ']', len(v), func(i int) { p.fmt.putInteger(uint64(v[i]), 10, unsigned, verb, ldigits) })
			return
		}
		p.buf = append(p.buf, typeName...)
		if v == nil {
			p.buf = append(p.buf, nilParenString...)
			return
		}
		p.list('{', '}', len(v), func(i int) { p.hex(uint64(v[i]), true) })
	default:
		p.printValue(reflectlite.ValueOf(v), verb, 0)
	}
}

// fmtPointer prints a word that is an address (pointer, chan, func, map,
// slice): %p and %v in hexadecimal, %#v as (type)(0x...), and the integer
// verbs as a number.
func (p *pp) fmtPointer(u uintptr, verb rune) {
	switch {
	case verb == 'v' && p.fmt.sharpV:
		p.buf = append(p.buf, '(')
		p.buf = append(p.buf, typeString(p.arg)...)
		p.buf = append(p.buf, ")("...)
		if u == 0 {
			p.buf = append(p.buf, nilString...)
		} else {
			p.hex(uint64(u), true)
		}
		p.buf = append(p.buf, ')')
	case verb == 'v' && u == 0:
		p.fmt.padText(nilAngleString)
	case verb == 'v' || verb == 'p':
		p.hex(uint64(u), !p.fmt.sharp)
	case verb == 'b' || verb == 'o' || verb == 'd' || verb == 'x' || verb == 'X':
		p.fmtInteger(uint64(u), unsigned, verb)
	default:
		p.badVerb(verb)
	}
}

// recovered is deferred around a call of the operand's own method: a panic
// in it is printed in place as %!verb(PANIC=Method method: value), except
// that a nil pointer receiver prints as <nil>. A panic while printing that
// panic is not caught.
func (p *pp) recovered(arg any, verb rune, method string) {
	r := recover()
	if r == nil {
		return
	}
	if _, w := reflectlite.IfaceWords(arg); w == 0 && reflectlite.Kind(reflectlite.TypeOf(arg)) == reflectlite.Pointer {
		p.buf = append(p.buf, nilAngleString...)
		return
	}
	if p.panicking {
		panic(r)
	}
	saved := p.fmt.fmtFlags
	p.fmt.clearFlags() // the panic value prints plainly
	p.mark(verb)
	p.buf = append(p.buf, "(PANIC="...)
	p.buf = append(p.buf, method...)
	p.buf = append(p.buf, " method: "...)
	p.panicking = true
	p.printArg(r, 'v')
	p.panicking = false
	p.buf = append(p.buf, ')')
	p.fmt.fmtFlags = saved
}

// handleMethods lets the operand print itself when it can: a Formatter
// always; with %#v a GoStringer; with a verb that takes text (v s q x X),
// an error or a Stringer. %w (Errorf only, once, with an error operand)
// records the operand and prints like %v. It reports whether the operand
// was printed; handled is set before the method runs, so that it is also
// true when the method panicked and recovered printed the panic.
func (p *pp) handleMethods(verb rune) (handled bool) {
	if p.erroring {
		return false
	}
	if verb == 'w' {
		err, isErr := p.arg.(error)
		if !isErr || !p.wrapErrs || p.wrappedErr != nil {
			p.wrapErrs, p.wrappedErr = false, nil
			p.badVerb(verb)
			return true
		}
		p.wrappedErr = err
		verb = 'v'
	}
	if f, ok := p.arg.(Formatter); ok {
		handled = true
		defer p.recovered(p.arg, verb, "Format")
		f.Format(p, verb)
		return
	}
	if p.fmt.sharpV {
		if gs, ok := p.arg.(GoStringer); ok {
			handled = true
			defer p.recovered(p.arg, verb, "GoString")
			p.fmt.putString(gs.GoString()) // as is: no quoting, no padding
		}
		return
	}
	if verb != 'v' && verb != 's' && verb != 'q' && verb != 'x' && verb != 'X' {
		return false
	}
	if e, ok := p.arg.(error); ok {
		handled = true
		defer p.recovered(p.arg, verb, "Error")
		p.fmtString(e.Error(), verb)
		return
	}
	if s, ok := p.arg.(Stringer); ok {
		handled = true
		defer p.recovered(p.arg, verb, "String")
		p.fmtString(s.String(), verb)
	}
	return
}

// integer gives the bits and signedness of an operand whose dynamic type
// is one of the predeclared integer types.
func integer(arg any) (bits uint64, isSigned, ok bool) {
	switch x := arg.(type) {
	case int:
		return uint64(x), signed, true
	case int8:
		return uint64(x), signed, true
	case int16:
		return uint64(x), signed, true
	case int32:
		return uint64(x), signed, true
	case int64:
		return uint64(x), signed, true
	case uint:
		return uint64(x), unsigned, true
	case uint8:
		return uint64(x), unsigned, true
	case uint16:
		return uint64(x), unsigned, true
	case uint32:
		return uint64(x), unsigned, true
	case uint64:
		return x, unsigned, true
	case uintptr:
		return uint64(x), unsigned, true
	}
	return 0, false, false
}

// printArg prints one operand for one verb. %T and %p look only at the
// type or the address; the predeclared types are printed directly; any
// other value first gets a chance to print itself (handleMethods) and is
// otherwise taken apart by printValue.
func (p *pp) printArg(arg any, verb rune) {
	p.arg = arg
	if arg == nil {
		if verb == 'T' || verb == 'v' {
			p.fmt.padText(nilAngleString)
		} else {
			p.badVerb(verb)
		}
		return
	}
	switch verb {
	case 'T':
		p.fmt.putString(typeString(arg))
		return
	case 'p':
		v := reflectlite.ValueOf(arg)
		switch v.Kind() {
		case reflectlite.Chan, reflectlite.Func, reflectlite.Map, reflectlite.Pointer, reflectlite.Slice:
			p.fmtPointer(uintptr(v.Word), 'p')
		default:
			p.badVerb(verb)
		}
		return
	}
	if bits, isSigned, ok := integer(arg); ok {
		p.fmtInteger(bits, isSigned, verb)
		return
	}
	switch x := arg.(type) {
	case bool:
		p.fmtBool(x, verb)
	case float64:
		p.fmtFloat(x, verb)
	case string:
		p.fmtString(x, verb)
	case []byte:
		p.fmtBytes(x, verb, "[]byte")
	default:
		if !p.handleMethods(verb) {
			p.printValue(reflectlite.ValueOf(x), verb, 0)
		}
	}
}

// printValue prints a value reached through the type table: an operand
// (depth 0) or an element, key or field of one (depth > 0). Elements get
// their own chance to print themselves, as operands got in printArg.
func (p *pp) printValue(value reflectlite.Value, verb rune, depth int) {
	if depth > 0 && value.Type != 0 {
		if arg := value.Interface(); arg != nil && value.Kind() != reflectlite.Interface {
			p.arg = arg
			if p.handleMethods(verb) {
				return
			}
		}
	}
	p.arg = value.Interface()

	switch k := value.Kind(); k {
	case 0: // no value at all
		switch {
		case depth == 0:
			p.buf = append(p.buf, "<invalid reflect.Value>"...)
		case verb == 'v':
			p.buf = append(p.buf, nilAngleString...)
		default:
			p.badVerb(verb)
		}
	case reflectlite.Bool:
		p.fmtBool(value.Word != 0, verb)
	case reflectlite.Int, reflectlite.Int8, reflectlite.Int16, reflectlite.Int32, reflectlite.Int64:
		p.fmtInteger(uint64(value.Word), signed, verb)
	case reflectlite.Uint, reflectlite.Uint8, reflectlite.Uint16, reflectlite.Uint32, reflectlite.Uint64, reflectlite.Uintptr:
		p.fmtInteger(uint64(value.Word), unsigned, verb)
	case reflectlite.Float64:
		f, _ := reflectlite.PackEface(reflectlite.TypeFloat64, value.Word).(float64)
		p.fmtFloat(f, verb)
	case reflectlite.String:
		p.fmtString(value.String(), verb)
	case reflectlite.Map:
		p.printMap(value, verb, depth)
	case reflectlite.Struct:
		if p.fmt.sharpV {
			p.buf = append(p.buf, typeString(p.arg)...)
		}
		named := p.fmt.plusV || p.fmt.sharpV
		p.list('{', '}', value.NumField(), func(i int) {
			name, field := value.Field(i)
			if named && name != "" {
				p.buf = append(p.buf, name...)
				p.buf = append(p.buf, ':')
			}
			p.printValue(field, verb, depth+1)
		})
	case reflectlite.Interface:
		inner := reflectlite.ValueOf(value.Interface())
		switch {
		case inner.Type != 0:
			p.printValue(inner, verb, depth+1)
		case p.fmt.sharpV:
			p.buf = append(p.buf, reflectlite.Name(value.Type)...)
			p.buf = append(p.buf, nilParenString...)
		default:
			p.buf = append(p.buf, nilAngleString...)
		}
	case reflectlite.Array, reflectlite.Slice:
		p.printList(value, verb, depth)
	case reflectlite.Pointer:
		// At the top, a pointer to a composite prints as &{...}; deeper
		// down only its address, so that cycles end.
		if depth == 0 && value.Word != 0 {
			switch reflectlite.Kind(reflectlite.Elem(value.Type)) {
			case reflectlite.Array, reflectlite.Slice, reflectlite.Struct, reflectlite.Map:
				p.buf = append(p.buf, '&')
				p.printValue(value.Elem(), verb, depth+1)
				return
			}
		}
		p.fmtPointer(uintptr(value.Word), verb)
	case reflectlite.Chan, reflectlite.Func:
		p.fmtPointer(uintptr(value.Word), verb)
	default:
		p.unknownType(p.arg)
	}
}

// printMap prints map[k:v k:v] (%#v: type{k:v, k:v}), keys in sorted order.
func (p *pp) printMap(value reflectlite.Value, verb rune, depth int) {
	open, close := byte('['), byte(']')
	if p.fmt.sharpV {
		p.buf = append(p.buf, typeString(p.arg)...)
		if value.IsNil() {
			p.buf = append(p.buf, nilParenString...)
			return
		}
		open, close = '{', '}'
	} else {
		p.buf = append(p.buf, mapString[:len(mapString)-1]...)
	}
	keys, vals := value.MapRange()
	sortMap(keys, vals)
	p.list(open, close, len(keys), func(i int) {
		p.printValue(keys[i], verb, depth+1)
		p.buf = append(p.buf, ':')
		p.printValue(vals[i], verb, depth+1)
	})
}

// printList prints an array or slice: [a b] (%#v: type{a, b}); bytes with
// a text verb print as text.
func (p *pp) printList(value reflectlite.Value, verb rune, depth int) {
	n := value.Len()
	if reflectlite.Kind(reflectlite.Elem(value.Type)) == reflectlite.Uint8 &&
		(verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(value.Index(i).Word)
		}
		p.fmtBytes(b, verb, reflectlite.Name(value.Type))
		return
	}
	open, close := byte('['), byte(']')
	if p.fmt.sharpV {
		p.buf = append(p.buf, reflectlite.Name(value.Type)...)
		if value.Kind() == reflectlite.Slice && value.IsNil() {
			p.buf = append(p.buf, nilParenString...)
			return
		}
		open, close = '{', '}'
	}
	p.list(open, close, n, func(i int) { p.printValue(value.Index(i), verb, depth+1) })
}

// ---- reading a directive -----------------------------------------------------------

// starArg takes operand a[i] as the width or precision of a `*`: it must
// be an integer of at most maxNum in magnitude. next is the operand after
// it (i when there was none).
func starArg(a []any, i int) (n int, ok bool, next int) {
	if i >= len(a) {
		return 0, false, i
	}
	if bits, _, isInt := integer(a[i]); isInt {
		n, ok = int(bits), true
	} else {
		// A named integer type.
		switch v := reflectlite.ValueOf(a[i]); v.Kind() {
		case reflectlite.Int, reflectlite.Int8, reflectlite.Int16, reflectlite.Int32, reflectlite.Int64,
			reflectlite.Uint, reflectlite.Uint8, reflectlite.Uint16, reflectlite.Uint32, reflectlite.Uint64, reflectlite.Uintptr:
			n, ok = v.Word, true
		}
	}
	if n > maxNum || n < -maxNum {
		n, ok = 0, false
	}
	return n, ok, i + 1
}

// operandIndex reads an explicit operand index, "[n]", at format[i:].
// With none there, it returns argNum and i unchanged and found false.
// Otherwise it sets p.reordered, returns the index (n-1) and the position
// after the ']', and marks p.goodArgNum false when the index is malformed
// or names no operand (found then says whether it was well formed).
func (p *pp) operandIndex(format string, i, argNum, nargs int) (index, next int, found bool) {
	if i >= len(format) || format[i] != '[' {
		return argNum, i, false
	}
	p.reordered = true
	close := -1
	if len(format)-i >= 3 {
		for j := i + 1; j < len(format); j++ {
			if format[j] == ']' {
				close = j
				break
			}
		}
	}
	if close < 0 {
		// No "]": skip the '[' alone.
		p.goodArgNum = false
		return argNum, i + 1, false
	}
	n, ok, end := number(format, i+1, close)
	if !ok || end != close {
		p.goodArgNum = false
		return argNum, close + 1, false
	}
	if n-1 < 0 || n-1 >= nargs {
		p.goodArgNum = false
		return argNum, close + 1, true
	}
	return n - 1, close + 1, true
}

// note writes %!verb followed by what is wrong.
func (p *pp) note(verb rune, what string) {
	p.mark(verb)
	p.buf = append(p.buf, what...)
}

// doPrintf formats a by format: literal text is copied, each directive
// (%[flags][[n]][width|*][.[[n]]prec|*][[n]]verb) formats one operand, and
// operands left over are reported as %!(EXTRA ...), as Go reports them.
func (p *pp) doPrintf(format string, a []any) {
	p.reordered = false
	argNum := 0
	for i := 0; i < len(format); {
		j := i
		for j < len(format) && format[j] != '%' {
			j++
		}
		p.buf = append(p.buf, format[i:j]...)
		if j == len(format) {
			break
		}
		i, argNum = p.directive(format, j+1, a, argNum)
	}
	if !p.reordered && argNum < len(a) {
		// Unused operands; with explicit indices any order is fine.
		p.extraArgs(a[argNum:])
	}
}

// directive formats the directive whose text starts at format[i], just
// after its '%'. It returns where the literal text resumes and the index
// of the next operand.
func (p *pp) directive(format string, i int, a []any, argNum int) (int, int) {
	end := len(format)
	f := &p.fmt
	p.goodArgNum = true
	f.clearFlags()
	i = p.flags(format, i)

	// An operand index may come before the width...
	argNum, i, indexed := p.operandIndex(format, i, argNum, len(a))
	if i < end && format[i] == '*' {
		i++
		f.wid, f.widPresent, argNum = starArg(a, argNum)
		if !f.widPresent {
			p.buf = append(p.buf, badWidthString...)
		}
		if f.wid < 0 {
			// A negative width operand means left alignment.
			f.wid, f.minus, f.zero = -f.wid, true, false
		}
		indexed = false
	} else {
		f.wid, f.widPresent, i = number(format, i, end)
		if indexed && f.widPresent {
			p.goodArgNum = false // "%[3]2d": an index must follow the width
		}
	}

	// ...and before the precision.
	if i+1 < end && format[i] == '.' {
		i++
		if indexed {
			p.goodArgNum = false // "%[3].2d"
		}
		argNum, i, indexed = p.operandIndex(format, i, argNum, len(a))
		if i < end && format[i] == '*' {
			i++
			f.prec, f.precPresent, argNum = starArg(a, argNum)
			if f.prec < 0 {
				// A negative precision operand means none.
				f.prec, f.precPresent = 0, false
			}
			if !f.precPresent {
				p.buf = append(p.buf, badPrecString...)
			}
			indexed = false
		} else {
			f.prec, f.precPresent, i = number(format, i, end)
			if !f.precPresent {
				// "%.d": a lone dot is precision 0.
				f.prec, f.precPresent = 0, true
			}
		}
	}

	// ...and before the verb.
	if !indexed {
		argNum, i, _ = p.operandIndex(format, i, argNum, len(a))
	}

	if i >= end {
		p.buf = append(p.buf, noVerbString...)
		return end, argNum
	}
	verb, size := utf8.DecodeRuneInString(format[i:])
	i += size

	switch {
	case verb == '%':
		// A literal percent uses no operand and ignores width and precision.
		p.buf = append(p.buf, '%')
	case !p.goodArgNum:
		p.note(verb, badIndexString)
	case argNum >= len(a):
		p.note(verb, missingString)
	default:
		if verb == 'v' {
			// %#v is Go syntax and %+v names struct fields: they are
			// flags of v, not of the operand's own formatting.
			f.sharpV, f.sharp = f.sharp, false
			f.plusV, f.plus = f.plus, false
		}
		p.printArg(a[argNum], verb)
		argNum++
	}
	return i, argNum
}

// flags reads the flag characters # 0 + - and space at format[i:], and
// returns the index of the first other character.
func (p *pp) flags(format string, i int) int {
	for ; i < len(format); i++ {
		switch format[i] {
		case '#':
			p.fmt.sharp = true
		case '0':
			// Zeros pad only on the left: "-" wins.
			p.fmt.zero = !p.fmt.minus
		case '+':
			p.fmt.plus = true
		case '-':
			p.fmt.minus = true
			p.fmt.zero = false
		case ' ':
			p.fmt.space = true
		default:
			return i
		}
	}
	return i
}

// extraArgs reports operands no directive used: %!(EXTRA type=value, ...).
func (p *pp) extraArgs(extra []any) {
	p.fmt.clearFlags()
	p.buf = append(p.buf, extraString...)
	for i, arg := range extra {
		if i > 0 {
			p.buf = append(p.buf, commaSpaceString...)
		}
		if arg == nil {
			p.buf = append(p.buf, nilAngleString...)
			continue
		}
		p.buf = append(p.buf, typeString(arg)...)
		p.buf = append(p.buf, '=')
		p.printArg(arg, 'v')
	}
	p.buf = append(p.buf, ')')
}

// doPrint prints the operands with %v, a space going between two
// neighbours only when neither is a string.
func (p *pp) doPrint(a []any) {
	afterString := true // no space before the first operand
	for _, arg := range a {
		_, isString := arg.(string)
		if !isString && !afterString {
			p.buf = append(p.buf, ' ')
		}
		p.printArg(arg, 'v')
		afterString = isString
	}
}

// doPrintln prints the operands with %v, a space between every two and a
// newline at the end.
func (p *pp) doPrintln(a []any) {
	for i := range a {
		if i > 0 {
			p.buf = append(p.buf, ' ')
		}
		p.printArg(a[i], 'v')
	}
	p.buf = append(p.buf, '\n')
}

// typeString is the name of v's dynamic type, as %T prints it.
func typeString(v any) string {
	return reflectlite.Name(reflectlite.TypeOf(v))
}
