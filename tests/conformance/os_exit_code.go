package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: not run by os.Exit")
	fmt.Println("exiting with 3")
	os.Exit(3)
}
