package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.ValidString(s), utf8.ValidString("\xff"))
	r, n := utf8.DecodeRuneInString(s[1:])
	fmt.Println(string(r), n, utf8.RuneLen('世'), utf8.RuneLen(-1))
	b := utf8.AppendRune(nil, '界')
	fmt.Println(b, utf8.RuneError)
}
