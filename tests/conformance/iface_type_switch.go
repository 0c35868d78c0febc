package main

import "fmt"

type S string
type Stringer interface{ String() string }
type T struct{}

func (T) String() string { return "T!" }

func classify(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprint("int ", v+1)
	case int8, int16:
		return fmt.Sprintf("small %v", v)
	case string:
		return "string " + v
	case S:
		return "S " + string(v)
	case error:
		return "error " + v.Error()
	case Stringer:
		return "stringer " + v.String()
	case []int:
		return fmt.Sprint("slice ", len(v))
	case func() int:
		return fmt.Sprint("func ", v())
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	fmt.Println(classify(nil))
	fmt.Println(classify(41))
	fmt.Println(classify(int8(3)))
	fmt.Println(classify("s"))
	fmt.Println(classify(S("x")))
	fmt.Println(classify(fmt.Errorf("boom")))
	fmt.Println(classify(T{}))
	fmt.Println(classify([]int{1, 2}))
	fmt.Println(classify(func() int { return 9 }))
	fmt.Println(classify(3.5))
}
