package main

import "fmt"

func main() {
	fmt.Printf("[%5d][%-5d][%05d][%+d][% d]\n", 42, 42, 42, 42, 42)
	fmt.Printf("[%8s][%-8s][%.2s][%8.3s]\n", "hello", "hello", "hello", "hello")
	fmt.Printf("[%x][%X][%08b][%o][%#x][%#o]\n", 255, 255, 5, 8, 255, 8)
	fmt.Printf("[%q][%v][%10v][%-10v]\n", "a\"b", "s", true, nil)
	fmt.Printf("[%c][%5c][%U]\n", 'A', 'B', 0x1F600)
	fmt.Printf("[%*d][%-*d]\n", 6, 7, 4, 8)
	fmt.Printf("%d%%\n", 50)
}
