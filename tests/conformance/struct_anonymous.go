package main

import "fmt"

func main() {
	p := struct {
		Name string
		Age  int
	}{"ann", 30}
	fmt.Println(p, p.Name)
	fmt.Printf("%+v %v\n", p, p.Age+1)
	list := []struct {
		k string
		v int
	}{{"a", 1}, {"b", 2}}
	for _, e := range list {
		fmt.Print(e.k, "=", e.v, " ")
	}
	fmt.Println()
}
