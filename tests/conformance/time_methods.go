package main

import (
	"fmt"
	"time"
)

func main() {
	t0 := time.Unix(1000, 0)
	t1 := t0.Add(90 * time.Second)
	fmt.Println(t1.Sub(t0), t1.After(t0), t1.Before(t0), t0.Equal(time.Unix(1000, 0)))
	var z time.Time
	fmt.Println(z.IsZero(), t0.IsZero())
	d := 3723 * time.Second
	fmt.Println(d, d.Hours() > 1, d.Minutes() > 62, time.Duration(1), time.Duration(-1500000))
}
