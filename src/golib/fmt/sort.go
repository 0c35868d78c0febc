package fmt

import "internal/reflectlite"

// Maps print sorted by key, as Go's internal/fmtsort orders them: numbers
// by value, strings lexicographically, false before true, structs and
// arrays field by field, interfaces by dynamic type and then value,
// pointers and channels by address.

// sortMap sorts the keys and, in step, the values (insertion sort: maps
// printed are small).
func sortMap(keys, vals []reflectlite.Value) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && compare(keys[j], keys[j-1]) < 0; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
			vals[j], vals[j-1] = vals[j-1], vals[j]
		}
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compare orders two values of the same type.
func compare(a, b reflectlite.Value) int {
	switch a.Kind() {
	case reflectlite.Int, reflectlite.Int8, reflectlite.Int16, reflectlite.Int32, reflectlite.Int64, reflectlite.Bool:
		return cmpInt(a.Word, b.Word)
	case reflectlite.Uint, reflectlite.Uint8, reflectlite.Uint16, reflectlite.Uint32, reflectlite.Uint64, reflectlite.Uintptr,
		reflectlite.Pointer, reflectlite.Chan:
		ua, ub := uint64(a.Word), uint64(b.Word)
		switch {
		case ua < ub:
			return -1
		case ua > ub:
			return 1
		}
		return 0
	case reflectlite.String:
		sa, sb := a.String(), b.String()
		switch {
		case sa < sb:
			return -1
		case sa > sb:
			return 1
		}
		return 0
	case reflectlite.Float64:
		fa, _ := reflectlite.PackEface(reflectlite.TypeFloat64, a.Word).(float64)
		fb, _ := reflectlite.PackEface(reflectlite.TypeFloat64, b.Word).(float64)
		switch {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		case fa == fb:
			return 0
		case fa != fa && fb != fb:
			return 0
		case fa != fa:
			return -1 // NaN first
		}
		return 1
	case reflectlite.Struct:
		for i := 0; i < a.NumField(); i++ {
			_, fa := a.Field(i)
			_, fb := b.Field(i)
			if c := compare(fa, fb); c != 0 {
				return c
			}
		}
		return 0
	case reflectlite.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compare(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflectlite.Interface:
		ia := reflectlite.ValueOf(a.Interface())
		ib := reflectlite.ValueOf(b.Interface())
		if ia.Type == 0 || ib.Type == 0 {
			return cmpInt(ia.Type, ib.Type) // nil first
		}
		if ia.Type != ib.Type {
			return cmpInt(ia.Type, ib.Type)
		}
		return compare(ia, ib)
	}
	return 0
}
