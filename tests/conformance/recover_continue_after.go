package main

import "fmt"

func process(i int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("item %d: %v", i, r)
		}
	}()
	if i%3 == 0 {
		panic("divisible by three")
	}
	return 100 / i, nil
}

func main() {
	for i := 0; i < 7; i++ {
		r, err := process(i)
		fmt.Println(r, err)
	}
}
