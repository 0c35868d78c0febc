package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

type id int

func (i id) String() string { return fmt.Sprintf("id#%d", int(i)) }

// wrapped is a Context of the program's own: cancellation must still reach
// contexts derived from it.
type wrapped struct{ context.Context }

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO())
	c1, cancel1 := context.WithCancel(bg)
	v1 := context.WithValue(c1, key("user"), "ann")
	v2 := context.WithValue(v1, id(7), id(8))
	v3 := context.WithValue(v2, key("n"), 42)
	c2, cancel2 := context.WithCancel(v3)
	fmt.Println(c1)
	fmt.Println(v1)
	fmt.Println(v2)
	fmt.Println(v3)
	fmt.Println(c2)
	fmt.Printf("%T %T %T\n", bg, c1, v1)
	fmt.Println(c2.Value(key("user")), c2.Value(id(7)), c2.Value(key("n")), c2.Value(key("none")))

	d, cancelD := context.WithTimeout(c2, time.Hour)
	fmt.Printf("%T\n", d)
	_, hasDeadline := d.Deadline()
	_, c2Deadline := c2.Deadline()
	fmt.Println(hasDeadline, c2Deadline, d.Err())

	// A later deadline under an earlier one is a plain cancel context.
	later, cancelL := context.WithTimeout(d, 2*time.Hour)
	fmt.Printf("%T\n", later)

	cancel1()
	<-c2.Done()
	<-d.Done()
	<-later.Done()
	fmt.Println(c1.Err(), c2.Err(), d.Err(), later.Err(), errors.Is(d.Err(), context.Canceled))
	cancel2()
	cancelD()
	cancelL()

	// Deadlines fire in order.
	short, cs := context.WithTimeout(bg, 10*time.Millisecond)
	long, cl := context.WithTimeout(bg, 20*time.Millisecond)
	defer cs()
	defer cl()
	select {
	case <-long.Done():
		fmt.Println("long first")
	case <-short.Done():
		fmt.Println("short first:", short.Err(), long.Err())
	}
	<-long.Done()
	fmt.Println(long.Err(), errors.Is(long.Err(), context.DeadlineExceeded))
	var te interface{ Timeout() bool }
	fmt.Println(errors.As(long.Err(), &te) && te.Timeout())

	// Past deadline: done at once.
	past, cp := context.WithDeadline(bg, time.Now().Add(-time.Second))
	fmt.Println(past.Err())
	cp()

	// A foreign parent.
	base, cb := context.WithCancel(bg)
	w := wrapped{base}
	child, cc := context.WithCancel(w)
	defer cc()
	cb()
	<-child.Done()
	fmt.Println("foreign parent:", child.Err())

	// Many children of one long-lived parent, each cancelled on its own.
	root, cr := context.WithCancel(bg)
	for i := 0; i < 1000; i++ {
		_, c := context.WithCancel(root)
		c()
	}
	cr()
	fmt.Println(root.Err())

	defer func() { fmt.Println("recovered:", recover()) }()
	context.WithValue(bg, nil, 1)
}
