package main

import "fmt"

type Node struct {
	Val         int
	Left, Right *Node
}

func insert(n *Node, v int) *Node {
	if n == nil {
		return &Node{Val: v}
	}
	if v < n.Val {
		n.Left = insert(n.Left, v)
	} else {
		n.Right = insert(n.Right, v)
	}
	return n
}

func walk(n *Node, f func(int)) {
	if n == nil {
		return
	}
	walk(n.Left, f)
	f(n.Val)
	walk(n.Right, f)
}

func main() {
	var root *Node
	for _, v := range []int{5, 3, 8, 1, 4, 9, 7, 2, 6} {
		root = insert(root, v)
	}
	walk(root, func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	fmt.Println(root.Left.Right.Val, root.Right.Left.Left.Val)
}
