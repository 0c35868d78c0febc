package main

import "fmt"

type MyErr struct{}

func (*MyErr) Error() string { return "my" }

func get(fail bool) error {
	var p *MyErr
	if fail {
		return p
	}
	return nil
}

func main() {
	e := get(true)
	fmt.Println(e == nil, e != nil)
	fmt.Println(get(false) == nil)
	var i interface{} = (*int)(nil)
	fmt.Println(i == nil, i.(*int) == nil)
}
