package main

import "fmt"

func main() {
	grid := make([][]int, 3)
	for i := range grid {
		grid[i] = make([]int, 4)
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid)
	row := grid[2]
	row[3] = 99
	fmt.Println(grid[2])
	jag := [][]string{{"a"}, {}, {"b", "c"}}
	for i, r := range jag {
		fmt.Println(i, len(r), r)
	}
}
