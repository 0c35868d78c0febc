package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"0", "-12", "+7", "abc", "99999999999999999999", "", " 1", "0x1f"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	fmt.Println(strconv.Itoa(0), strconv.Itoa(-9223372036854775808), strconv.Itoa(123456))
	fmt.Println(strconv.Quote("tab\t\"q\" é \x00 \u2028"), strconv.Quote(""))
	v, err := strconv.ParseInt("-ff", 16, 64)
	fmt.Println(v, err)
	u, err := strconv.ParseUint("300", 10, 8)
	fmt.Println(u, err)
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err, strconv.FormatInt(-255, 2), strconv.FormatInt(255, 36))
}
