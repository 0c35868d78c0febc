package strconv

import "errors"

// ErrRange indicates that a value is out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax indicates that a value does not have the right syntax for the
// target type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, ParseUint, ParseFloat)
	Num  string // the input
	Err  error  // the reason the conversion failed (e.g. ErrRange, ErrSyntax, etc.)
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

func syntaxError(fn, str string) *NumError {
	return &NumError{fn, str, ErrSyntax}
}

func rangeError(fn, str string) *NumError {
	return &NumError{fn, str, ErrRange}
}

func baseError(fn, str string, base int) *NumError {
	return &NumError{fn, str, errors.New("invalid base " + Itoa(base))}
}

func bitSizeError(fn, str string, bitSize int) *NumError {
	return &NumError{fn, str, errors.New("invalid bit size " + Itoa(bitSize))}
}

// IntSize is the size in bits of an int or uint value.
const IntSize = 64

func lower(c byte) byte {
	return c | ('x' - 'X')
}

// ParseUint is like ParseInt but for unsigned numbers. A sign prefix is
// not permitted.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fn = "ParseUint"
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	orig := s
	prefixed := base == 0
	if base == 0 {
		base, s = detectBase(s)
	} else if base < 2 || base > 36 {
		return 0, baseError(fn, orig, base)
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, bitSizeError(fn, orig, bitSize)
	}
	max := ^uint64(0) >> uint(64-bitSize)

	var n uint64
	sawUnderscore := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' && prefixed {
			sawUnderscore = true
			continue
		}
		d := digitValue(c)
		if d >= base {
			return 0, syntaxError(fn, orig)
		}
		// n*base + d > max  <=>  n > (max-d)/base. The first error met,
		// scanning left to right, is the one reported, as in Go.
		if n > (max-uint64(d))/uint64(base) {
			return max, rangeError(fn, orig)
		}
		n = n*uint64(base) + uint64(d)
	}
	if sawUnderscore && !underscoreOK(orig) {
		return 0, syntaxError(fn, orig)
	}
	return n, nil
}

// detectBase reads a 0b, 0o, 0x or 0 prefix for base 0.
func detectBase(s string) (int, string) {
	if len(s) < 2 || s[0] != '0' {
		return 10, s
	}
	if len(s) >= 3 {
		switch lower(s[1]) {
		case 'b':
			return 2, s[2:]
		case 'o':
			return 8, s[2:]
		case 'x':
			return 16, s[2:]
		}
	}
	return 8, s[1:]
}

// digitValue is c's value as a digit in bases up to 36, or 99.
func digitValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= lower(c) && lower(c) <= 'z':
		return int(lower(c)-'a') + 10
	}
	return 99
}

// ParseInt interprets a string s in the given base (0, 2 to 36) and bit
// size (0 to 64) and returns the corresponding value i. Out-of-range values
// give the nearest bound and ErrRange.
func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	const fn = "ParseInt"
	if s == "" {
		return 0, syntaxError(fn, s)
	}
	orig := s
	neg := s[0] == '-'
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	u, err := ParseUint(s, base, bitSize)
	if err != nil {
		ne := err.(*NumError)
		ne.Func = fn
		ne.Num = orig
		if ne.Err != ErrRange {
			return 0, ne
		}
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	limit := uint64(1) << uint(bitSize-1) // |min|; max is limit-1
	if neg {
		if u > limit {
			return -int64(limit), rangeError(fn, orig)
		}
		return -int64(u), nil
	}
	if u >= limit {
		return int64(limit - 1), rangeError(fn, orig)
	}
	return int64(u), nil
}

// Atoi is equivalent to ParseInt(s, 10, 0), converted to type int.
func Atoi(s string) (int, error) {
	i, err := ParseInt(s, 10, 0)
	if ne, ok := err.(*NumError); ok {
		ne.Func = "Atoi"
	}
	return int(i), err
}

// underscoreOK reports whether the underscores in s (a base-0 literal)
// separate digits: each one between two digits, or after the base prefix.
func underscoreOK(s string) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	hex := false
	prev := byte('^') // '^' start, '0' digit or prefix, '_' underscore
	if len(s) >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x') {
		hex = lower(s[1]) == 'x'
		s = s[2:]
		prev = '0'
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		isDigit := '0' <= c && c <= '9' || hex && 'a' <= lower(c) && lower(c) <= 'f'
		switch {
		case isDigit:
			prev = '0'
		case c == '_':
			if prev != '0' {
				return false
			}
			prev = '_'
		default:
			if prev == '_' {
				return false
			}
			prev = '!'
		}
	}
	return prev != '_'
}

// ParseBool returns the boolean value represented by the string.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}
