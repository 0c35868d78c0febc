package errors

import "internal/reflectlite"

// wrapper is an error that wraps another.
type wrapper interface {
	Unwrap() error
}

// Unwrap is the error err wraps: what its Unwrap method returns, nil when
// it has none.
func Unwrap(err error) error {
	if w, wraps := err.(wrapper); wraps {
		return w.Unwrap()
	}
	return nil
}

// Is reports whether err, or an error it wraps (directly or further
// down), is target: equal to it, or saying so through its own
// Is(error) bool method.
func Is(err, target error) bool {
	if target == nil {
		return err == nil
	}
	// Comparing two interfaces panics when their dynamic type has no ==
	// (a slice, say); such a target can only match through an Is method.
	comparable := reflectlite.Comparable(target)
	for ; err != nil; err = Unwrap(err) {
		if comparable && err == target {
			return true
		}
		if m, has := err.(interface{ Is(error) bool }); has && m.Is(target) {
			return true
		}
	}
	return false
}

// As looks down err's chain for the first error that can be stored in
// *target (its type is assignable to *target's type), or that claims
// target through its own As(any) bool method. It stores it and says
// whether it found one. target must be a non-nil pointer to an interface
// type or to a type implementing error; As panics otherwise, with Go's
// messages.
func As(err error, target any) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	ptrType, ptr := reflectlite.IfaceWords(target)
	if ptr == 0 || reflectlite.Kind(ptrType) != reflectlite.Pointer {
		panic("errors: target must be a non-nil pointer")
	}
	want := reflectlite.Elem(ptrType)
	if reflectlite.Kind(want) != reflectlite.Interface && !reflectlite.Implements(want, errorType) {
		panic("errors: *target must be interface or implement error")
	}
	for ; err != nil; err = Unwrap(err) {
		if reflectlite.AssignableTo(err, want) {
			reflectlite.Store(ptr, want, err)
			return true
		}
		if m, has := err.(interface{ As(any) bool }); has && m.As(target) {
			return true
		}
	}
	return false
}

var errorType = reflectlite.TypeIDOf((*error)(nil), true)
