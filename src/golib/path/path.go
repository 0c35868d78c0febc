// Package path manipulates slash-separated paths, as in URLs (Go's
// path/path.go is the reference for behaviour; this is p9rt's own).
package path

import "strings"

// Clean returns the shortest path naming the same place as p, by lexical
// rules only: repeated slashes become one, "." elements go, ".." removes the
// element before it (and at the root, itself), and no slash ends the result
// unless it is the root. An empty result is ".".
func Clean(p string) string {
	if p == "" {
		return "."
	}
	rooted := p[0] == '/'
	var kept []string
	for _, elem := range strings.Split(p, "/") {
		switch elem {
		case "", ".":
		case "..":
			if len(kept) > 0 && kept[len(kept)-1] != ".." {
				kept = kept[:len(kept)-1]
			} else if !rooted {
				kept = append(kept, "..")
			}
		default:
			kept = append(kept, elem)
		}
	}
	out := strings.Join(kept, "/")
	if rooted {
		return "/" + out
	}
	if out == "" {
		return "."
	}
	return out
}

// Split cuts p after its last slash: dir keeps the slash.
func Split(p string) (dir, file string) {
	i := strings.LastIndex(p, "/")
	return p[:i+1], p[i+1:]
}

// Join joins the non-empty elements with slashes and cleans the result; with
// none it is "".
func Join(elem ...string) string {
	var nonEmpty []string
	for _, e := range elem {
		if e != "" {
			nonEmpty = append(nonEmpty, e)
		}
	}
	if len(nonEmpty) == 0 {
		return ""
	}
	return Clean(strings.Join(nonEmpty, "/"))
}

// Ext is the suffix from the last dot of the last element, or "".
func Ext(p string) string {
	for i := len(p) - 1; i >= 0 && p[i] != '/'; i-- {
		if p[i] == '.' {
			return p[i:]
		}
	}
	return ""
}

// Base is the last element, trailing slashes ignored; "" gives "." and only
// slashes give "/".
func Base(p string) string {
	if p == "" {
		return "."
	}
	p = strings.TrimRight(p, "/")
	if p == "" {
		return "/"
	}
	if i := strings.LastIndex(p, "/"); i >= 0 {
		p = p[i+1:]
	}
	return p
}

// IsAbs reports whether p begins with a slash.
func IsAbs(p string) bool { return len(p) > 0 && p[0] == '/' }

// Dir is all but the last element, cleaned.
func Dir(p string) string {
	dir, _ := Split(p)
	return Clean(dir)
}
