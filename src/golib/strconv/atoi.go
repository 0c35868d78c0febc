package strconv

import "errors"

// The two ways a conversion can fail, as NumError.Err.
var (
	ErrRange  = errors.New("value out of range") // well formed, but too big for the type
	ErrSyntax = errors.New("invalid syntax")     // not a number of the kind asked for
)

// A NumError says which function failed (Func: ParseInt, ParseUint,
// ParseBool, ParseFloat, Atoi) on which input (Num), and why (Err,
// usually ErrRange or ErrSyntax).
type NumError struct {
	Func string
	Num  string
	Err  error
}

// Error reads `strconv.Func: parsing "Num": Err`.
func (e *NumError) Error() string {
	return "strconv." + e.Func + ": parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

// numError is the failure of fn on input s for reason why.
func numError(fn, s string, why error) *NumError {
	return &NumError{Func: fn, Num: s, Err: why}
}

func syntaxError(fn, s string) *NumError { return numError(fn, s, ErrSyntax) }
func rangeError(fn, s string) *NumError  { return numError(fn, s, ErrRange) }

// IntSize is how many bits an int (and a uint) has in p9rt: 64.
const IntSize = 64

// lower folds an ASCII letter to lower case (other bytes come out
// changed too, but never as a letter they were not).
func lower(c byte) byte { return c | 0x20 }

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
		return 0, numError(fn, orig, errors.New("invalid base "+Itoa(base)))
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	if bitSize < 1 || bitSize > 64 {
		return 0, numError(fn, orig, errors.New("invalid bit size "+Itoa(bitSize)))
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
	}
	if l := lower(c); l >= 'a' && l <= 'z' {
		return int(l-'a') + 10
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
	neg := false
	switch s[0] {
	case '-':
		neg = true
		s = s[1:]
	case '+':
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

// Atoi is ParseInt(s, 10, 0) as an int; its errors name Atoi.
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
	if len(s) >= 2 && s[0] == '0' {
		switch lower(s[1]) {
		case 'x':
			hex = true
			fallthrough
		case 'b', 'o':
			s = s[2:]
			prev = '0' // an underscore may follow the prefix
		}
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

// ParseBool accepts the spellings Go's does: 1 t T true TRUE True, and
// 0 f F false FALSE False.
func ParseBool(str string) (bool, error) {
	for _, yes := range []string{"1", "t", "T", "true", "TRUE", "True"} {
		if str == yes {
			return true, nil
		}
	}
	for _, no := range []string{"0", "f", "F", "false", "FALSE", "False"} {
		if str == no {
			return false, nil
		}
	}
	return false, syntaxError("ParseBool", str)
}
