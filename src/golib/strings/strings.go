// Package strings: searching, cutting, trimming and mapping UTF-8 text
// (Go's API; the bodies are plain loops, which p9rt's compiler turns into
// the same work Go's would do without its assembly).
package strings

import (
	"unicode"
	"unicode/utf8"
)

// Index returns the index of the first instance of substr in s, or -1.
func Index(s, substr string) int {
	n := len(substr)
	if n == 0 {
		return 0
	}
	first := substr[0]
	for at, last := 0, len(s)-n; at <= last; at++ {
		if s[at] == first && s[at:at+n] == substr {
			return at
		}
	}
	return -1
}

// LastIndex returns the index of the last instance of substr in s, or -1.
func LastIndex(s, substr string) int {
	n := len(substr)
	for i := len(s) - n; i >= 0; i-- {
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// IndexByte returns the index of the first instance of c in s, or -1.
func IndexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexByte returns the index of the last instance of c in s, or -1.
func LastIndexByte(s string, c byte) int {
	at := len(s)
	for at > 0 {
		at--
		if s[at] == c {
			return at
		}
	}
	return -1
}

// IndexRune returns the index of the first instance of r in s, or -1.
func IndexRune(s string, r rune) int {
	for i, c := range s {
		if c == r {
			return i
		}
	}
	return -1
}

// IndexAny returns the index of the first instance of any rune of chars in
// s, or -1.
func IndexAny(s, chars string) int {
	for i, c := range s {
		if IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

// Contains says whether substr occurs in s.
func Contains(s, substr string) bool {
	return Index(s, substr) >= 0
}

// ContainsRune reports whether the rune r is within s.
func ContainsRune(s string, r rune) bool {
	return IndexRune(s, r) >= 0
}

// ContainsAny says whether one of the runes of chars occurs in s.
func ContainsAny(s, chars string) bool {
	return !(IndexAny(s, chars) < 0)
}

// HasPrefix says whether s starts with prefix.
func HasPrefix(s, prefix string) bool {
	if len(prefix) > len(s) {
		return false
	}
	return s[:len(prefix)] == prefix
}

// HasSuffix says whether s ends with suffix.
func HasSuffix(s, suffix string) bool {
	start := len(s) - len(suffix)
	return start >= 0 && s[start:] == suffix
}

// Count counts the number of non-overlapping instances of substr in s. If
// substr is empty, Count returns 1 + the number of runes in s.
func Count(s, substr string) int {
	if substr == "" {
		return 1 + utf8.RuneCountInString(s) // the places between runes, and both ends
	}
	n := 0
	for {
		i := Index(s, substr)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

// runesOf cuts s into at most n pieces (all when n < 0) of one rune each,
// the last piece taking whatever is left; a byte that is not UTF-8 becomes
// "\uFFFD", as in Go.
func runesOf(s string, n int) []string {
	if count := utf8.RuneCountInString(s); n < 0 || n > count {
		n = count
	}
	pieces := make([]string, n)
	for k := 0; k < n; k++ {
		if k == n-1 {
			pieces[k] = s
			break
		}
		r, w := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && w == 1 {
			pieces[k] = string(utf8.RuneError)
		} else {
			pieces[k] = s[:w]
		}
		s = s[w:]
	}
	return pieces
}

// cut is every Split function: s cut at each sep into at most n pieces (all
// when n < 0; none when n == 0), each piece keeping the first keep bytes of
// the sep that ended it. The answer's capacity is the most pieces there
// could be, as Go makes it.
func cut(s, sep string, keep, n int) []string {
	switch {
	case n == 0:
		return nil
	case sep == "":
		return runesOf(s, n)
	case n < 0:
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	pieces := make([]string, n)
	k := 0
	for ; k < n-1; k++ {
		at := Index(s, sep)
		if at < 0 {
			break
		}
		pieces[k] = s[:at+keep]
		s = s[at+len(sep):]
	}
	pieces[k] = s
	return pieces[:k+1]
}

// SplitN slices s into substrings separated by sep, at most n of them.
func SplitN(s, sep string, n int) []string { return cut(s, sep, 0, n) }

// SplitAfterN is SplitN keeping sep at the end of each piece.
func SplitAfterN(s, sep string, n int) []string { return cut(s, sep, len(sep), n) }

// Split slices s into all substrings separated by sep.
func Split(s, sep string) []string { return cut(s, sep, 0, -1) }

// SplitAfter slices s into all substrings after each instance of sep.
func SplitAfter(s, sep string) []string { return cut(s, sep, len(sep), -1) }

// Fields splits s around each run of white space, returning the pieces;
// an s of only white space gives an empty slice.
func Fields(s string) []string {
	var a []string
	start := -1
	for i, r := range s {
		if isSpace(r) {
			if start >= 0 {
				a = append(a, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		a = append(a, s[start:])
	}
	if a == nil {
		return []string{}
	}
	return a
}

// Join concatenates the elements of elems, with sep between them.
func Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	var b Builder
	b.WriteString(elems[0])
	for _, s := range elems[1:] {
		b.WriteString(sep)
		b.WriteString(s)
	}
	return b.String()
}

// Repeat returns a new string consisting of count copies of s. It panics
// if count is negative.
func Repeat(s string, count int) string {
	if count < 0 {
		panic("strings: negative Repeat count")
	}
	if count > 0 && len(s)*count/count != len(s) {
		panic("strings: Repeat output length overflow")
	}
	b := make([]byte, 0, len(s)*count)
	for i := 0; i < count; i++ {
		b = append(b, s...)
	}
	return string(b)
}

// isSpace is unicode.IsSpace: the Latin-1 spaces and the Unicode White
// Space characters beyond.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200a
}

// TrimSpace returns s without leading and trailing white space.
func TrimSpace(s string) string {
	return TrimFunc(s, isSpace)
}

// TrimFunc returns s without the leading and trailing runes for which f is
// true.
func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

// TrimLeftFunc returns s without the leading runes for which f is true.
func TrimLeftFunc(s string, f func(rune) bool) string {
	for i, r := range s {
		if !f(r) {
			return s[i:]
		}
	}
	return ""
}

// TrimRightFunc returns s without the trailing runes for which f is true.
func TrimRightFunc(s string, f func(rune) bool) string {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !f(r) {
			return s
		}
		s = s[:len(s)-size]
	}
	return s
}

// Trim returns s with all leading and trailing runes of cutset removed.
func Trim(s, cutset string) string {
	return TrimFunc(s, func(r rune) bool { return IndexRune(cutset, r) >= 0 })
}

// TrimLeft returns s with all leading runes of cutset removed.
func TrimLeft(s, cutset string) string {
	return TrimLeftFunc(s, func(r rune) bool { return IndexRune(cutset, r) >= 0 })
}

// TrimRight returns s with all trailing runes of cutset removed.
func TrimRight(s, cutset string) string {
	return TrimRightFunc(s, func(r rune) bool { return IndexRune(cutset, r) >= 0 })
}

// TrimPrefix drops prefix from the start of s if s starts with it.
func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix drops suffix from the end of s if s ends with it.
func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Cut splits s at the first sep into what comes before and after it.
func Cut(s, sep string) (before, after string, found bool) {
	at := Index(s, sep)
	if at < 0 {
		return s, "", false
	}
	return s[:at], s[at+len(sep):], true
}

// Replace returns a copy of s with the first n non-overlapping instances
// of old replaced by new (n < 0: all). An empty old matches at the start
// and after each rune.
func Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	m := Count(s, old)
	if m == 0 {
		return s
	}
	if n < 0 || m < n {
		n = m
	}
	var b Builder
	start := 0
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			if i > 0 {
				_, w := utf8.DecodeRuneInString(s[start:])
				j += w
			}
		} else {
			j += Index(s[start:], old)
		}
		b.WriteString(s[start:j])
		b.WriteString(new)
		start = j + len(old)
	}
	b.WriteString(s[start:])
	return b.String()
}

// ReplaceAll is Replace with no limit.
func ReplaceAll(s, old, new string) string { return Replace(s, old, new, -1) }

// Map returns s with each rune replaced by mapping(r); a negative result
// drops the rune.
func Map(mapping func(rune) rune, s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if m := mapping(r); m >= 0 {
			b = utf8.AppendRune(b, m)
		}
	}
	return string(b)
}

// ToUpper, ToLower and ToTitle map every rune of s to that case.
func ToUpper(s string) string { return Map(unicode.ToUpper, s) }
func ToLower(s string) string { return Map(unicode.ToLower, s) }
func ToTitle(s string) string { return Map(unicode.ToTitle, s) }

// EqualFold reports whether s and t are equal under simple lower-case
// folding (Go's folds through unicode.SimpleFold orbits too).
func EqualFold(s, t string) bool {
	return ToLower(s) == ToLower(t)
}

// Compare orders a and b by their bytes: -1, 0 or +1.
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return 1
}
