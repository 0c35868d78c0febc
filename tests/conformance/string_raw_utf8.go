package main

import "fmt"

func main() {
	fmt.Println(len(`ä`), `ä` == "\u00e4", `héllo`, len(`日本語`))
	s := `日本
語`
	for i, r := range s {
		fmt.Println(i, r, string(r))
	}
	b := []byte(`ñ`)
	fmt.Println(b, []rune(`añb`), `a\nb`, len(`a\nb`))
	switch `é` {
	case "é":
		fmt.Println("same")
	}
	m := map[string]int{`ü`: 1}
	fmt.Println(m["ü"], `x` + "ü" + `ÿ`)
}
