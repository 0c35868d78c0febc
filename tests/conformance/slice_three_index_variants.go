package main

import "fmt"

func try(f func()) {
	defer func() {
		fmt.Println(recover())
	}()
	f()
}

func main() {
	s := make([]int, 5, 10)
	var arr [6]int
	lo, hi, max := 0, 0, 0
	set := func(a, b, c int) { lo, hi, max = a, b, c }
	set(1, 3, 11)
	try(func() { _ = s[lo:hi:max] })
	set(1, 3, -1)
	try(func() { _ = s[lo:hi:max] })
	set(1, 8, 7)
	try(func() { _ = s[lo:hi:max] })
	set(1, -2, 7)
	try(func() { _ = s[lo:hi:max] })
	set(4, 3, 7)
	try(func() { _ = s[lo:hi:max] })
	set(-1, 3, 7)
	try(func() { _ = s[lo:hi:max] })
	set(1, 3, 7)
	try(func() { _ = arr[lo:hi:max] })
	try(func() { _ = arr[:hi:max] })
	set(0, 2, 1)
	try(func() { _ = arr[:hi:max] })
	set(3, 2, 6)
	try(func() { _ = arr[lo:hi:max] })
	set(3, 2, 6)
	try(func() { _ = s[lo:hi] })
	try(func() { _ = s[lo:11] })
	try(func() { _ = arr[lo:max+1] })
	set(1, 3, 10)
	fmt.Println(len(s[lo:hi:max]), cap(s[lo:hi:max]), cap(arr[lo:hi:6]))
}
