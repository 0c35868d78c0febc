package main

import (
	"fmt"
	"sort"
)

type byLen []string

func main() {
	xs := []int{5, 2, 8, -1, 0, 2, 9, 3}
	sort.Ints(xs)
	fmt.Println(xs)
	ss := []string{"pear", "apple", "fig", "Banana", "cherry"}
	sort.Strings(ss)
	fmt.Println(ss)
	people := []struct {
		Name string
		Age  int
	}{{"a", 30}, {"b", 25}, {"c", 35}, {"d", 25}}
	sort.Slice(people, func(i, j int) bool {
		if people[i].Age != people[j].Age {
			return people[i].Age < people[j].Age
		}
		return people[i].Name < people[j].Name
	})
	fmt.Println(people)
	big := make([]int, 500)
	for i := range big {
		big[i] = (i * 7919) % 500
	}
	sort.Ints(big)
	ok := true
	for i := 1; i < len(big); i++ {
		if big[i-1] > big[i] {
			ok = false
		}
	}
	fmt.Println(ok, big[0], big[499])
}
