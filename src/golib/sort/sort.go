// Package sort provides primitives for sorting slices and user-defined
// collections (Ints, Strings, Slice, Sort, Stable, Search).
package sort

import "internal/reflectlite"

// An implementation of Interface can be sorted by the routines in this
// package.
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// Sort sorts data in ascending order as determined by the Less method. It
// makes one call to data.Len and O(n*log(n)) calls to Less and Swap. The
// sort is not guaranteed to be stable.
//
// p9rt sorts with heapsort: O(n log n) in the worst case and small. Go's
// pattern-defeating quicksort orders equal elements differently; programs
// that depend on the order of equal elements should use Stable.
func Sort(data Interface) {
	n := data.Len()
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(data, i, n)
	}
	for i := n - 1; i > 0; i-- {
		data.Swap(0, i)
		siftDown(data, 0, i)
	}
}

// siftDown restores the heap property below root in data[:n].
func siftDown(data Interface, root, n int) {
	for {
		child := 2*root + 1
		if child >= n {
			return
		}
		if child+1 < n && data.Less(child, child+1) {
			child++
		}
		if !data.Less(root, child) {
			return
		}
		data.Swap(root, child)
		root = child
	}
}

// Stable sorts data in ascending order as determined by the Less method,
// while keeping the original order of equal elements (insertion sort on
// blocks merged by rotation would be faster; p9rt uses insertion sort,
// O(n^2), simple and stable).
func Stable(data Interface) {
	n := data.Len()
	for i := 1; i < n; i++ {
		for j := i; j > 0 && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// IntSlice attaches the methods of Interface to []int, sorting in
// increasing order.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// StringSlice attaches the methods of Interface to []string, sorting in
// increasing order.
type StringSlice []string

func (x StringSlice) Len() int           { return len(x) }
func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

// Float64Slice attaches the methods of Interface to []float64.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j])
}
func (x Float64Slice) Swap(i, j int) { x[i], x[j] = x[j], x[i] }

// Ints sorts a slice of ints in increasing order.
func Ints(x []int) { Sort(IntSlice(x)) }

// Strings sorts a slice of strings in increasing order.
func Strings(x []string) { Sort(StringSlice(x)) }

// Float64s sorts a slice of float64s in increasing order.
func Float64s(x []float64) { Sort(Float64Slice(x)) }

// IntsAreSorted reports whether the slice x is sorted in increasing order.
func IntsAreSorted(x []int) bool { return IsSorted(IntSlice(x)) }

// StringsAreSorted reports whether the slice x is sorted in increasing order.
func StringsAreSorted(x []string) bool { return IsSorted(StringSlice(x)) }

// Search uses binary search to find and return the smallest index i in
// [0, n) at which f(i) is true, assuming that on the range [0, n), f(i) ==
// true implies f(i+1) == true. It returns n if there is no such index.
func Search(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// SearchInts searches for x in a sorted slice of ints.
func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchStrings searches for x in a sorted slice of strings.
func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// lessSwap is Interface for Slice: x's elements are swapped in place
// through the type table (reflectlite), as Go's reflectlite.Swapper does.
type lessSwap struct {
	n    int
	less func(i, j int) bool
	base uintptr // address of element 0
	size int     // bytes per element
	tmp  []byte  // one element, for swapping
	tmpp uintptr // tmp's address, taken once: BytesAddr boxes its argument, an allocation per call
}

func (s *lessSwap) Len() int           { return s.n }
func (s *lessSwap) Less(i, j int) bool { return s.less(i, j) }
func (s *lessSwap) Swap(i, j int) {
	if i == j {
		return
	}
	a := s.base + uintptr(i*s.size)
	b := s.base + uintptr(j*s.size)
	t := s.tmpp
	// No allocation between the moves: the collector never sees a
	// pointer that lives only in tmp.
	reflectlite.Memmove(t, a, s.size)
	reflectlite.Memmove(a, b, s.size)
	reflectlite.Memmove(b, t, s.size)
}

func swapper(x any) *lessSwap {
	v := reflectlite.ValueOf(x)
	if v.Kind() != reflectlite.Slice {
		panic("reflect: call of Swapper on " + reflectlite.Name(v.Type) + " Value")
	}
	n := v.Len()
	size := reflectlite.ElemSize(reflectlite.Elem(v.Type))
	tmp := make([]byte, size)
	return &lessSwap{n: n, base: v.Data(), size: size, tmp: tmp, tmpp: reflectlite.BytesAddr(tmp)}
}

// Slice sorts the slice x given the provided less function. It panics if x
// is not a slice. The sort is not guaranteed to be stable.
func Slice(x any, less func(i, j int) bool) {
	s := swapper(x)
	s.less = less
	Sort(s)
}

// SliceStable sorts the slice x using the provided less function, keeping
// equal elements in their original order.
func SliceStable(x any, less func(i, j int) bool) {
	s := swapper(x)
	s.less = less
	Stable(s)
}

// SliceIsSorted reports whether the slice x is sorted according to less.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	s := swapper(x)
	s.less = less
	return IsSorted(s)
}
