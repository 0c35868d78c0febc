// Package bytes: strings' searching and comparing for byte slices (the parts
// docs/language.md lists, and what they need). A comparison converts to
// string, which the compiler does without copying for a comparison.
package bytes

// Equal says whether a and b hold the same bytes; nil and empty are equal.
func Equal(a, b []byte) bool {
	return string(a) == string(b)
}

// Compare orders a and b by their bytes: -1, 0 or +1 (nil is empty).
func Compare(a, b []byte) int {
	sa, sb := string(a), string(b)
	switch {
	case sa == sb:
		return 0
	case sa < sb:
		return -1
	}
	return 1
}

// IndexByte finds the first c in b; -1 when there is none.
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// Index finds the first sep in s (0 for an empty sep); -1 when there is none.
func Index(s, sep []byte) int {
	want := string(sep)
	for at, last := 0, len(s)-len(sep); at <= last; at++ {
		if string(s[at:at+len(sep)]) == want {
			return at
		}
	}
	return -1
}

// Contains says whether subslice occurs in b.
func Contains(b, subslice []byte) bool { return Index(b, subslice) >= 0 }

// HasPrefix says whether s starts with prefix.
func HasPrefix(s, prefix []byte) bool {
	if len(prefix) > len(s) {
		return false
	}
	return Equal(s[:len(prefix)], prefix)
}

// HasSuffix says whether s ends with suffix.
func HasSuffix(s, suffix []byte) bool {
	start := len(s) - len(suffix)
	return start >= 0 && Equal(s[start:], suffix)
}

// Repeat returns count copies of b; a negative count or an overflowing
// result panics, as in Go.
func Repeat(b []byte, count int) []byte {
	if count < 0 {
		panic("bytes: negative Repeat count")
	}
	if count > 0 && len(b)*count/count != len(b) {
		panic("bytes: Repeat count causes overflow")
	}
	out := make([]byte, 0, len(b)*count)
	for i := 0; i < count; i++ {
		out = append(out, b...)
	}
	return out
}
