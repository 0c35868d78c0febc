package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	inputs := []string{"", "a", "é", "aé", "\xc3", "a\xc3", "\xa9", "é\xa9", "\xe2\x82\xac", "x\xe2\x82", "\xf0\x9f\x98\x80",
		"\xf0\x9f\x98", "\x80\x80\x80\x80\x80", "ab\xed\xa0\x80", "\xc0\x80", "\xf4\x90\x80\x80", "z\xf0\x9f\x98\x80\x80"}
	for _, s := range inputs {
		r, n := utf8.DecodeLastRuneInString(s)
		r2, n2 := utf8.DecodeRuneInString(s)
		fmt.Printf("%q last=%U/%d first=%U/%d count=%d valid=%v\n", s, r, n, r2, n2, utf8.RuneCountInString(s), utf8.ValidString(s))
	}
	for _, r := range []rune{-1, 0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xffff, 0x10000, 0x10ffff, 0x110000} {
		buf := make([]byte, 4)
		n := utf8.EncodeRune(buf, r)
		fmt.Println(r, utf8.RuneLen(r), utf8.ValidRune(r), n, buf[:n], len(utf8.AppendRune(nil, r)))
	}
	for _, r := range []rune{'a', 'Z', 'ß', 'ǅ', 'ǆ', 'Ǆ', 'σ', 'Σ', 'ſ', 'ﬀ', 'Ā', 'ā', '1', 0x10400, 0x10428, -5, 0x110000} {
		fmt.Printf("%U up=%U low=%U title=%U bad=%U %U\n", r, unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), unicode.To(unicode.MaxCase, r), unicode.To(-1, r))
	}
}
