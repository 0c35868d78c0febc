// Package bytes implements functions for the manipulation of byte slices
// (the parts docs/language.md lists, and what they need).
package bytes

// Equal reports whether a and b are the same length and contain the same
// bytes. A nil argument is equivalent to an empty slice.
func Equal(a, b []byte) bool {
	return string(a) == string(b)
}

// Compare returns an integer comparing two byte slices lexicographically.
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

// IndexByte returns the index of the first instance of c in b, or -1.
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// Index returns the index of the first instance of sep in s, or -1.
func Index(s, sep []byte) int {
	n := len(sep)
	for i := 0; i+n <= len(s); i++ {
		if string(s[i:i+n]) == string(sep) {
			return i
		}
	}
	return -1
}

// Contains reports whether subslice is within b.
func Contains(b, subslice []byte) bool {
	return Index(b, subslice) != -1
}

// HasPrefix tests whether the byte slice s begins with prefix.
func HasPrefix(s, prefix []byte) bool {
	return len(s) >= len(prefix) && Equal(s[0:len(prefix)], prefix)
}

// HasSuffix tests whether the byte slice s ends with suffix.
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) && Equal(s[len(s)-len(suffix):], suffix)
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
