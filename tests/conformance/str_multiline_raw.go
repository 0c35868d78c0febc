package main

import "fmt"

func main() {
	raw := `line1
	"quoted" \n not escape
end`
	fmt.Println(raw)
	fmt.Println(len(raw))
	fmt.Println("tab\there", "nl\\n", "\u00e9\U0001F600", "\x41\101")
}
