package main

import "fmt"

func worker(id int, jobs <-chan int, results chan<- [2]int) {
	for j := range jobs {
		results <- [2]int{j, j * 10}
	}
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan [2]int, 10)
	for w := 0; w < 3; w++ {
		go worker(w, jobs, results)
	}
	for i := 0; i < 9; i++ {
		jobs <- i
	}
	close(jobs)
	got := make([]int, 9)
	for i := 0; i < 9; i++ {
		r := <-results
		got[r[0]] = r[1]
	}
	fmt.Println(got)
}
