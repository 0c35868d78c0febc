// Package fmt implements formatted I/O with functions analogous to C's
// printf and scanf (the printing half). Without a reflect package, values
// of composite types are walked over the image's type table
// (internal/reflectlite).
package fmt

import (
	"errors"
	"internal/reflectlite"
	"io"
	"os"
	"unicode/utf8"
)

// Strings for use with buffer.WriteString.
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

// State represents the printer state passed to custom formatters.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by any value that has a Format method.
type Formatter interface {
	Format(f State, verb rune)
}

// Stringer is implemented by any value that has a String method, which
// defines the “native” format for that value.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method,
// which defines the Go syntax for that value (%#v).
type GoStringer interface {
	GoString() string
}

// pp is used to store a printer's state.
type pp struct {
	buf []byte

	// arg holds the current item, as an interface{}.
	arg any

	// fmt is used to format basic items such as integers or strings.
	fmt fmt

	// reordered records whether the format string used argument reordering.
	reordered bool
	// goodArgNum records whether the most recent reordering directive was valid.
	goodArgNum bool
	// panicking is set by catchPanic to avoid infinite panic, recover, panic, ... recursion.
	panicking bool
	// erroring is set when printing an error string to guard against calling handleMethods.
	erroring bool
	// wrapErrs is set when the format string may contain a %w verb.
	wrapErrs bool
	// wrappedErr records the target of the %w verb.
	wrappedErr error
}

func newPrinter() *pp {
	p := &pp{}
	p.fmt.init(&p.buf)
	return p
}

func (p *pp) Width() (wid int, ok bool) { return p.fmt.wid, p.fmt.widPresent }

func (p *pp) Precision() (prec int, ok bool) { return p.fmt.prec, p.fmt.precPresent }

func (p *pp) Flag(b int) bool {
	switch b {
	case '-':
		return p.fmt.minus
	case '+':
		return p.fmt.plus || p.fmt.plusV
	case '#':
		return p.fmt.sharp || p.fmt.sharpV
	case ' ':
		return p.fmt.space
	case '0':
		return p.fmt.zero
	}
	return false
}

// Write implements State: custom formatters print through it.
func (p *pp) Write(b []byte) (ret int, err error) {
	p.buf = append(p.buf, b...)
	return len(b), nil
}

// WriteString lets custom formatters print strings.
func (p *pp) WriteString(s string) (ret int, err error) {
	p.buf = append(p.buf, s...)
	return len(s), nil
}

// Fprintf formats according to a format specifier and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintf(format, a)
	return w.Write(p.buf)
}

// Printf formats according to a format specifier and writes to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return Fprintf(os.Stdout, format, a...)
}

// Sprintf formats according to a format specifier and returns the resulting string.
func Sprintf(format string, a ...any) string {
	p := newPrinter()
	p.doPrintf(format, a)
	return string(p.buf)
}

// Appendf formats according to a format specifier and appends to b.
func Appendf(b []byte, format string, a ...any) []byte {
	p := newPrinter()
	p.doPrintf(format, a)
	return append(b, p.buf...)
}

// Fprint formats using the default formats and writes to w. Spaces are
// added between operands when neither is a string.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrint(a)
	return w.Write(p.buf)
}

// Print formats using the default formats and writes to standard output.
func Print(a ...any) (n int, err error) {
	return Fprint(os.Stdout, a...)
}

// Sprint formats using the default formats and returns the resulting string.
func Sprint(a ...any) string {
	p := newPrinter()
	p.doPrint(a)
	return string(p.buf)
}

// Fprintln formats using the default formats and writes to w. Spaces are
// always added between operands and a newline is appended.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintln(a)
	return w.Write(p.buf)
}

// Println formats using the default formats and writes to standard output.
func Println(a ...any) (n int, err error) {
	return Fprintln(os.Stdout, a...)
}

// Sprintln formats using the default formats and returns the resulting string.
func Sprintln(a ...any) string {
	p := newPrinter()
	p.doPrintln(a)
	return string(p.buf)
}

// Errorf formats according to a format specifier and returns the string
// as a value that satisfies error. With a %w verb whose operand is an
// error, the result has an Unwrap method returning that operand.
func Errorf(format string, a ...any) error {
	p := newPrinter()
	p.wrapErrs = true
	p.doPrintf(format, a)
	s := string(p.buf)
	if p.wrappedErr == nil {
		return errors.New(s)
	}
	return &wrapError{s, p.wrappedErr}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }

func (e *wrapError) Unwrap() error { return e.err }

// tooLarge reports whether the magnitude of the integer is too large to be
// used as a formatting width or precision.
func tooLarge(x int) bool {
	const max int = 1e6
	return x > max || x < -max
}

// parsenum converts ASCII to integer. num is 0 (and isnum is false) if no
// number present.
func parsenum(s string, start, end int) (num int, isnum bool, newi int) {
	if start >= end {
		return 0, false, end
	}
	for newi = start; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if tooLarge(num) {
			return 0, false, end // Overflow; crazy long number most likely.
		}
		num = num*10 + int(s[newi]-'0')
		isnum = true
	}
	return
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

// badVerb writes "%!v(type=value)" for a verb that does not apply.
func (p *pp) badVerb(verb rune) {
	p.erroring = true
	p.buf = append(p.buf, percentBangString...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, '(')
	switch {
	case p.arg != nil:
		p.buf = append(p.buf, typeString(p.arg)...)
		p.buf = append(p.buf, '=')
		p.printArg(p.arg, 'v')
	default:
		p.buf = append(p.buf, nilAngleString...)
	}
	p.buf = append(p.buf, ')')
	p.erroring = false
}

func (p *pp) fmtBool(v bool, verb rune) {
	switch verb {
	case 't', 'v':
		p.fmt.fmtBoolean(v)
	default:
		p.badVerb(verb)
	}
}

// fmt0x64 formats a uint64 in hexadecimal and prefixes it with 0x or not,
// as requested, by temporarily setting the sharp flag.
func (p *pp) fmt0x64(v uint64, leading0x bool) {
	sharp := p.fmt.sharp
	p.fmt.sharp = leading0x
	p.fmt.fmtInteger(v, 16, unsigned, 'v', ldigits)
	p.fmt.sharp = sharp
}

// fmtInteger formats a signed or unsigned integer.
func (p *pp) fmtInteger(v uint64, isSigned bool, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV && !isSigned {
			p.fmt0x64(v, true)
		} else {
			p.fmt.fmtInteger(v, 10, isSigned, verb, ldigits)
		}
	case 'd':
		p.fmt.fmtInteger(v, 10, isSigned, verb, ldigits)
	case 'b':
		p.fmt.fmtInteger(v, 2, isSigned, verb, ldigits)
	case 'o', 'O':
		p.fmt.fmtInteger(v, 8, isSigned, verb, ldigits)
	case 'x':
		p.fmt.fmtInteger(v, 16, isSigned, verb, ldigits)
	case 'X':
		p.fmt.fmtInteger(v, 16, isSigned, verb, udigits)
	case 'c':
		p.fmt.fmtC(v)
	case 'q':
		p.fmt.fmtQc(v)
	case 'U':
		p.fmt.fmtUnicode(v)
	default:
		p.badVerb(verb)
	}
}

// fmtFloat formats a float64.
func (p *pp) fmtFloat(v float64, verb rune) {
	switch verb {
	case 'v':
		p.fmt.fmtFloat(v, 'g', -1)
	case 'b', 'g', 'G', 'x', 'X':
		p.fmt.fmtFloat(v, verb, -1)
	case 'f', 'e', 'E':
		p.fmt.fmtFloat(v, verb, 6)
	case 'F':
		p.fmt.fmtFloat(v, 'f', 6)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtString(v string, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.fmt.fmtQ(v)
		} else {
			p.fmt.fmtS(v)
		}
	case 's':
		p.fmt.fmtS(v)
	case 'x':
		p.fmt.fmtSx(v, ldigits)
	case 'X':
		p.fmt.fmtSx(v, udigits)
	case 'q':
		p.fmt.fmtQ(v)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtBytes(v []byte, verb rune, typeString string) {
	switch verb {
	case 'v', 'd':
		if p.fmt.sharpV {
			p.buf = append(p.buf, typeString...)
			if v == nil {
				p.buf = append(p.buf, nilParenString...)
				return
			}
			p.buf = append(p.buf, '{')
			for i, c := range v {
				if i > 0 {
					p.buf = append(p.buf, commaSpaceString...)
				}
				p.fmt0x64(uint64(c), true)
			}
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, '[')
			for i, c := range v {
				if i > 0 {
					p.buf = append(p.buf, ' ')
				}
				p.fmt.fmtInteger(uint64(c), 10, unsigned, verb, ldigits)
			}
			p.buf = append(p.buf, ']')
		}
	case 's':
		p.fmt.fmtS(string(v))
	case 'x':
		p.fmt.fmtBx(v, ldigits)
	case 'X':
		p.fmt.fmtBx(v, udigits)
	case 'q':
		p.fmt.fmtQ(string(v))
	default:
		p.printValue(reflectlite.ValueOf(v), verb, 0)
	}
}

// fmtPointer formats a pointer-like word (pointer, chan, func, map,
// slice) for %p and %v.
func (p *pp) fmtPointer(u uintptr, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.buf = append(p.buf, '(')
			p.buf = append(p.buf, typeString(p.arg)...)
			p.buf = append(p.buf, ")("...)
			if u == 0 {
				p.buf = append(p.buf, nilString...)
			} else {
				p.fmt0x64(uint64(u), true)
			}
			p.buf = append(p.buf, ')')
		} else {
			if u == 0 {
				p.fmt.padString(nilAngleString)
			} else {
				p.fmt0x64(uint64(u), !p.fmt.sharp)
			}
		}
	case 'p':
		p.fmt0x64(uint64(u), !p.fmt.sharp)
	case 'b', 'o', 'd', 'x', 'X':
		p.fmtInteger(uint64(u), unsigned, verb)
	default:
		p.badVerb(verb)
	}
}

// catchPanic prints a panic raised by a String or Error method as Go
// does: "%!v(PANIC=String method: ...)", or <nil> for a nil receiver.
func (p *pp) catchPanic(arg any, verb rune, method string) {
	if err := recover(); err != nil {
		if _, v := reflectlite.IfaceWords(arg); v == 0 && reflectlite.Kind(reflectlite.TypeOf(arg)) == reflectlite.Pointer {
			p.buf = append(p.buf, nilAngleString...)
			return
		}
		if p.panicking {
			// Nested panics; the recursion in printArg cannot succeed.
			panic(err)
		}
		oldFlags := p.fmt.fmtFlags
		// For this output we want default behavior.
		p.fmt.clearflags()

		p.buf = append(p.buf, percentBangString...)
		p.buf = utf8.AppendRune(p.buf, verb)
		p.buf = append(p.buf, "(PANIC="...)
		p.buf = append(p.buf, method...)
		p.buf = append(p.buf, " method: "...)
		p.panicking = true
		p.printArg(err, 'v')
		p.panicking = false
		p.buf = append(p.buf, ')')

		p.fmt.fmtFlags = oldFlags
	}
}

// handleMethods prints an operand that implements Formatter, error,
// Stringer or GoStringer, as Go does; it reports whether it did.
func (p *pp) handleMethods(verb rune) (handled bool) {
	if p.erroring {
		return
	}
	if verb == 'w' {
		// It is invalid to use %w other than with Errorf or with a
		// non-error arg.
		err, ok := p.arg.(error)
		if !ok || !p.wrapErrs || p.wrappedErr != nil {
			p.wrappedErr = nil
			p.wrapErrs = false
			p.badVerb(verb)
			return true
		}
		p.wrappedErr = err
		// If the arg is a Formatter, pass 'v' as the verb to it.
		verb = 'v'
	}

	// Is it a Formatter?
	if formatter, ok := p.arg.(Formatter); ok {
		handled = true
		defer p.catchPanic(p.arg, verb, "Format")
		formatter.Format(p, verb)
		return
	}

	// If we're doing Go syntax and the argument knows how to supply it, take care of it now.
	if p.fmt.sharpV {
		if stringer, ok := p.arg.(GoStringer); ok {
			handled = true
			defer p.catchPanic(p.arg, verb, "GoString")
			// Print the result of GoString unadorned.
			p.fmt.fmtS(stringer.GoString())
			return
		}
	} else {
		// If a string is acceptable according to the format, see if
		// the value satisfies one of the string-valued interfaces.
		switch verb {
		case 'v', 's', 'x', 'X', 'q':
			switch v := p.arg.(type) {
			case error:
				handled = true
				defer p.catchPanic(p.arg, verb, "Error")
				p.fmtString(v.Error(), verb)
				return

			case Stringer:
				handled = true
				defer p.catchPanic(p.arg, verb, "String")
				p.fmtString(v.String(), verb)
				return
			}
		}
	}
	return false
}

// printArg prints one operand with one verb.
func (p *pp) printArg(arg any, verb rune) {
	p.arg = arg

	if arg == nil {
		switch verb {
		case 'T', 'v':
			p.fmt.padString(nilAngleString)
		default:
			p.badVerb(verb)
		}
		return
	}

	// Special processing considerations.
	// %T (the value's type) and %p (its address) are special; we always do them first.
	switch verb {
	case 'T':
		p.fmt.fmtS(typeString(arg))
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

	// Some types can be done without reflection.
	switch f := arg.(type) {
	case bool:
		p.fmtBool(f, verb)
	case float64:
		p.fmtFloat(f, verb)
	case int:
		p.fmtInteger(uint64(f), signed, verb)
	case int8:
		p.fmtInteger(uint64(f), signed, verb)
	case int16:
		p.fmtInteger(uint64(f), signed, verb)
	case int32:
		p.fmtInteger(uint64(f), signed, verb)
	case int64:
		p.fmtInteger(uint64(f), signed, verb)
	case uint:
		p.fmtInteger(uint64(f), unsigned, verb)
	case uint8:
		p.fmtInteger(uint64(f), unsigned, verb)
	case uint16:
		p.fmtInteger(uint64(f), unsigned, verb)
	case uint32:
		p.fmtInteger(uint64(f), unsigned, verb)
	case uint64:
		p.fmtInteger(f, unsigned, verb)
	case uintptr:
		p.fmtInteger(uint64(f), unsigned, verb)
	case string:
		p.fmtString(f, verb)
	case []byte:
		p.fmtBytes(f, verb, "[]byte")
	default:
		// If the type is not simple, it might have methods.
		if !p.handleMethods(verb) {
			p.printValue(reflectlite.ValueOf(f), verb, 0)
		}
	}
}

// printValue is like printArg but starts with a value from the type table
// walk. depth is 0 for an operand, more for its elements and fields, whose
// methods are honoured too.
func (p *pp) printValue(value reflectlite.Value, verb rune, depth int) {
	// Handle values with special methods if not already handled by printArg (depth == 0).
	if depth > 0 && value.Type != 0 {
		arg := value.Interface()
		if arg != nil && value.Kind() != reflectlite.Interface {
			p.arg = arg
			if p.handleMethods(verb) {
				return
			}
		}
	}
	p.arg = value.Interface()

	switch value.Kind() {
	case 0:
		if depth == 0 {
			p.buf = append(p.buf, "<invalid reflect.Value>"...)
		} else {
			switch verb {
			case 'v':
				p.buf = append(p.buf, nilAngleString...)
			default:
				p.badVerb(verb)
			}
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
		if p.fmt.sharpV {
			p.buf = append(p.buf, typeString(p.arg)...)
			if value.IsNil() {
				p.buf = append(p.buf, nilParenString...)
				return
			}
			p.buf = append(p.buf, '{')
		} else {
			p.buf = append(p.buf, mapString...)
		}
		keys, vals := value.MapRange()
		sortMap(keys, vals)
		for i := range keys {
			if i > 0 {
				if p.fmt.sharpV {
					p.buf = append(p.buf, commaSpaceString...)
				} else {
					p.buf = append(p.buf, ' ')
				}
			}
			p.printValue(keys[i], verb, depth+1)
			p.buf = append(p.buf, ':')
			p.printValue(vals[i], verb, depth+1)
		}
		if p.fmt.sharpV {
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, ']')
		}
	case reflectlite.Struct:
		if p.fmt.sharpV {
			p.buf = append(p.buf, typeString(p.arg)...)
		}
		p.buf = append(p.buf, '{')
		for i := 0; i < value.NumField(); i++ {
			if i > 0 {
				if p.fmt.sharpV {
					p.buf = append(p.buf, commaSpaceString...)
				} else {
					p.buf = append(p.buf, ' ')
				}
			}
			name, field := value.Field(i)
			if p.fmt.plusV || p.fmt.sharpV {
				if name != "" {
					p.buf = append(p.buf, name...)
					p.buf = append(p.buf, ':')
				}
			}
			p.printValue(field, verb, depth+1)
		}
		p.buf = append(p.buf, '}')
	case reflectlite.Interface:
		inner := reflectlite.ValueOf(value.Interface())
		if inner.Type == 0 {
			if p.fmt.sharpV {
				p.buf = append(p.buf, reflectlite.Name(value.Type)...)
				p.buf = append(p.buf, nilParenString...)
			} else {
				p.buf = append(p.buf, nilAngleString...)
			}
		} else {
			p.printValue(inner, verb, depth+1)
		}
	case reflectlite.Array, reflectlite.Slice:
		et := reflectlite.Elem(value.Type)
		ek := reflectlite.Kind(et)
		switch verb {
		case 's', 'q', 'x', 'X':
			// Handle byte and uint8 slices and arrays special for the above verbs.
			if ek == reflectlite.Uint8 {
				n := value.Len()
				bytes := make([]byte, n)
				for i := 0; i < n; i++ {
					bytes[i] = byte(value.Index(i).Word)
				}
				p.fmtBytes(bytes, verb, reflectlite.Name(value.Type))
				return
			}
		}
		if p.fmt.sharpV {
			p.buf = append(p.buf, reflectlite.Name(value.Type)...)
			if value.Kind() == reflectlite.Slice && value.IsNil() {
				p.buf = append(p.buf, nilParenString...)
				return
			}
			p.buf = append(p.buf, '{')
			for i := 0; i < value.Len(); i++ {
				if i > 0 {
					p.buf = append(p.buf, commaSpaceString...)
				}
				p.printValue(value.Index(i), verb, depth+1)
			}
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, '[')
			for i := 0; i < value.Len(); i++ {
				if i > 0 {
					p.buf = append(p.buf, ' ')
				}
				p.printValue(value.Index(i), verb, depth+1)
			}
			p.buf = append(p.buf, ']')
		}
	case reflectlite.Pointer:
		// pointer to array or slice or struct? ok at top level
		// but not embedded (avoid loops)
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

// intFromArg gets the argNumth element of a. On return, isInt reports
// whether the argument has integer type.
func intFromArg(a []any, argNum int) (num int, isInt bool, newArgNum int) {
	newArgNum = argNum
	if argNum < len(a) {
		num, isInt = a[argNum].(int) // Almost always OK.
		if !isInt {
			// Work harder.
			v := reflectlite.ValueOf(a[argNum])
			switch v.Kind() {
			case reflectlite.Int, reflectlite.Int8, reflectlite.Int16, reflectlite.Int32, reflectlite.Int64,
				reflectlite.Uint, reflectlite.Uint8, reflectlite.Uint16, reflectlite.Uint32, reflectlite.Uint64, reflectlite.Uintptr:
				num = v.Word
				isInt = true
			}
		}
		newArgNum = argNum + 1
		if tooLarge(num) {
			num = 0
			isInt = false // Argument too large.
		}
	}
	return
}

// parseArgNumber returns the value of the bracketed number, minus 1 (explicit
// argument numbers are one-indexed but we want zero-indexed).
func parseArgNumber(format string) (index int, wid int, ok bool) {
	// There must be at least 3 bytes: [n].
	if len(format) < 3 {
		return 0, 1, false
	}

	// Find closing bracket.
	for i := 1; i < len(format); i++ {
		if format[i] == ']' {
			width, ok, newi := parsenum(format, 1, i)
			if !ok || newi != i {
				return 0, i + 1, false
			}
			return width - 1, i + 1, true // arg numbers are one-indexed and skip paren.
		}
	}
	return 0, 1, false
}

// argNumber returns the next argument to evaluate, which is either the
// value of the passed-in argNum or the value of the bracketed integer that
// begins format[i:].
func (p *pp) argNumber(argNum int, format string, i int, numArgs int) (newArgNum, newi int, found bool) {
	if len(format) <= i || format[i] != '[' {
		return argNum, i, false
	}
	p.reordered = true
	index, wid, ok := parseArgNumber(format[i:])
	if ok && 0 <= index && index < numArgs {
		return index, i + wid, true
	}
	p.goodArgNum = false
	return argNum, i + wid, ok
}

func (p *pp) badArgNum(verb rune) {
	p.buf = append(p.buf, percentBangString...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, badIndexString...)
}

func (p *pp) missingArg(verb rune) {
	p.buf = append(p.buf, percentBangString...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, missingString...)
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
	p.goodArgNum = true
	p.fmt.clearflags()
	i = p.flags(format, i)

	// An operand index may come before the width...
	afterIndex := false
	argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))

	if i < end && format[i] == '*' {
		i++
		p.fmt.wid, p.fmt.widPresent, argNum = intFromArg(a, argNum)
		if !p.fmt.widPresent {
			p.buf = append(p.buf, badWidthString...)
		}
		if p.fmt.wid < 0 {
			// A negative width operand means left alignment.
			p.fmt.wid = -p.fmt.wid
			p.fmt.minus = true
			p.fmt.zero = false
		}
		afterIndex = false
	} else {
		p.fmt.wid, p.fmt.widPresent, i = parsenum(format, i, end)
		if afterIndex && p.fmt.widPresent {
			p.goodArgNum = false // "%[3]2d": an index must follow the width
		}
	}

	// ...and before the precision.
	if i+1 < end && format[i] == '.' {
		i++
		if afterIndex {
			p.goodArgNum = false // "%[3].2d"
		}
		argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
		if i < end && format[i] == '*' {
			i++
			p.fmt.prec, p.fmt.precPresent, argNum = intFromArg(a, argNum)
			if p.fmt.prec < 0 {
				// A negative precision operand means none.
				p.fmt.prec = 0
				p.fmt.precPresent = false
			}
			if !p.fmt.precPresent {
				p.buf = append(p.buf, badPrecString...)
			}
			afterIndex = false
		} else {
			p.fmt.prec, p.fmt.precPresent, i = parsenum(format, i, end)
			if !p.fmt.precPresent {
				// "%.d": a lone dot is precision 0.
				p.fmt.prec = 0
				p.fmt.precPresent = true
			}
		}
	}

	// ...and before the verb.
	if !afterIndex {
		argNum, i, _ = p.argNumber(argNum, format, i, len(a))
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
		p.badArgNum(verb)
	case argNum >= len(a):
		p.missingArg(verb)
	default:
		if verb == 'v' {
			// %#v is Go syntax and %+v names struct fields: they are
			// flags of v, not of the operand's own formatting.
			p.fmt.sharpV, p.fmt.sharp = p.fmt.sharp, false
			p.fmt.plusV, p.fmt.plus = p.fmt.plus, false
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
	p.fmt.clearflags()
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

func (p *pp) doPrint(a []any) {
	prevString := false
	for argNum, arg := range a {
		_, isString := arg.(string)
		// Add a space between two non-string arguments.
		if argNum > 0 && !isString && !prevString {
			p.buf = append(p.buf, ' ')
		}
		p.printArg(arg, 'v')
		prevString = isString
	}
}

// doPrintln is like doPrint but always adds a space between arguments and
// a newline after the last argument.
func (p *pp) doPrintln(a []any) {
	for argNum, arg := range a {
		if argNum > 0 {
			p.buf = append(p.buf, ' ')
		}
		p.printArg(arg, 'v')
	}
	p.buf = append(p.buf, '\n')
}

// typeString is the name of v's dynamic type, as %T prints it.
func typeString(v any) string {
	return reflectlite.Name(reflectlite.TypeOf(v))
}
