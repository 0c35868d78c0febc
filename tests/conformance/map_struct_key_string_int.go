package main

import "fmt"

func main() {
	counts := map[string]int{}
	text := "the cat and the hat and the bat"
	word := ""
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' {
			counts[word]++
			word = ""
			continue
		}
		word += string(text[i])
	}
	fmt.Println(counts["the"], counts["and"], counts["cat"], counts["dog"], len(counts))
	fmt.Println(counts)
}
