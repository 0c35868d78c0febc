package testing

// -test.run's pattern (go testing/match.go): split at the slashes that are
// not inside brackets or parentheses, one regular expression per level of
// test/subtest name, each matched unanchored like regexp.MatchString.
//
// p9rt has no regexp package, so this is a small backtracking matcher for
// the syntax test patterns use: literals, ., [...] and [^...] with ranges,
// \d \w \s and escaped metacharacters, groups (...), alternation |, the
// repeats * + ? (greedy) and the anchors ^ $. Anything else is reported as
// a bad pattern, as go test reports a regexp that does not compile.

// A re is one node of a parsed pattern.
type re struct {
	op   int // reLit, reAny, reClass, reBegin, reEnd, reGroup
	c    byte
	neg  bool
	lo   []byte // class ranges lo[i]..hi[i]
	hi   []byte
	alts [][]*re // reGroup: alternatives, each a sequence
	min  int     // repeat bounds: min, max (-1: unbounded)
	max  int
}

const (
	reLit = iota
	reAny
	reClass
	reBegin
	reEnd
	reGroup
)

type reParser struct {
	s   string
	i   int
	err string
}

// compileRe parses a pattern into a group node holding its alternatives.
func compileRe(s string) (*re, string) {
	p := &reParser{s: s}
	g := p.alternation()
	if p.err == "" && p.i < len(s) {
		p.err = "unexpected )"
	}
	return g, p.err
}

func (p *reParser) alternation() *re {
	g := &re{op: reGroup, min: 1, max: 1}
	g.alts = append(g.alts, p.sequence())
	for p.err == "" && p.i < len(p.s) && p.s[p.i] == '|' {
		p.i++
		g.alts = append(g.alts, p.sequence())
	}
	return g
}

func (p *reParser) sequence() []*re {
	var seq []*re
	for p.err == "" && p.i < len(p.s) {
		c := p.s[p.i]
		if c == '|' || c == ')' {
			break
		}
		n := p.atom()
		if n == nil {
			break
		}
		if p.i < len(p.s) {
			switch p.s[p.i] {
			case '*':
				n.min, n.max = 0, -1
				p.i++
			case '+':
				n.min, n.max = 1, -1
				p.i++
			case '?':
				n.min, n.max = 0, 1
				p.i++
			}
			if p.i < len(p.s) && (p.s[p.i] == '*' || p.s[p.i] == '+' || p.s[p.i] == '?') {
				p.err = "invalid nested repetition operator"
				return seq
			}
		}
		seq = append(seq, n)
	}
	return seq
}

func (p *reParser) atom() *re {
	c := p.s[p.i]
	p.i++
	switch c {
	case '.':
		return &re{op: reAny, min: 1, max: 1}
	case '^':
		return &re{op: reBegin, min: 1, max: 1}
	case '$':
		return &re{op: reEnd, min: 1, max: 1}
	case '*', '+', '?':
		p.err = "missing argument to repetition operator"
		return nil
	case '(':
		if p.i+1 < len(p.s) && p.s[p.i] == '?' && p.s[p.i+1] == ':' {
			p.i += 2
		}
		g := p.alternation()
		if p.err != "" {
			return nil
		}
		if p.i >= len(p.s) || p.s[p.i] != ')' {
			p.err = "missing closing )"
			return nil
		}
		p.i++
		return g
	case '[':
		return p.class()
	case '\\':
		return p.escape(false)
	}
	return &re{op: reLit, c: c, min: 1, max: 1}
}

// escape reads the character after a backslash: a class shorthand or a
// literal punctuation character.
func (p *reParser) escape(inClass bool) *re {
	if p.i >= len(p.s) {
		p.err = "trailing backslash at end of expression"
		return nil
	}
	c := p.s[p.i]
	p.i++
	n := &re{op: reClass, min: 1, max: 1}
	switch c {
	case 'd', 'D':
		n.lo, n.hi = []byte{'0'}, []byte{'9'}
	case 'w', 'W':
		n.lo, n.hi = []byte{'0', 'A', 'a', '_'}, []byte{'9', 'Z', 'z', '_'}
	case 's', 'S':
		n.lo, n.hi = []byte{'\t', '\n', '\f', '\r', ' '}, []byte{'\t', '\n', '\f', '\r', ' '}
	default:
		if (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
			p.err = "invalid escape sequence: \\" + string(rune(c))
			return nil
		}
		return &re{op: reLit, c: c, min: 1, max: 1}
	}
	n.neg = c == 'D' || c == 'W' || c == 'S'
	return n
}

func (p *reParser) class() *re {
	n := &re{op: reClass, min: 1, max: 1}
	if p.i < len(p.s) && p.s[p.i] == '^' {
		n.neg = true
		p.i++
	}
	first := true
	for {
		if p.i >= len(p.s) {
			p.err = "missing closing ]"
			return nil
		}
		c := p.s[p.i]
		if c == ']' && !first {
			p.i++
			return n
		}
		first = false
		p.i++
		if c == '\\' {
			e := p.escape(true)
			if e == nil {
				return nil
			}
			if e.op == reLit {
				n.lo = append(n.lo, e.c)
				n.hi = append(n.hi, e.c)
			} else if e.neg {
				p.err = "negated shorthand in a class is not supported"
				return nil
			} else {
				n.lo = append(n.lo, e.lo...)
				n.hi = append(n.hi, e.hi...)
			}
			continue
		}
		hi := c
		if p.i+1 < len(p.s) && p.s[p.i] == '-' && p.s[p.i+1] != ']' {
			hi = p.s[p.i+1]
			p.i += 2
			if hi < c {
				p.err = "invalid character class range"
				return nil
			}
		}
		n.lo = append(n.lo, c)
		n.hi = append(n.hi, hi)
	}
}

// one reports whether node n (not a group) matches the byte at s[i].
func (n *re) one(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	switch n.op {
	case reLit:
		return c == n.c
	case reAny:
		return c != '\n'
	case reClass:
		in := false
		for k := range n.lo {
			if c >= n.lo[k] && c <= n.hi[k] {
				in = true
			}
		}
		return in != n.neg
	}
	return false
}

// matchSeq reports whether seq matches s from i, continuing with k (the
// rest of the enclosing pattern) on success.
func matchSeq(seq []*re, s string, i int, k func(int) bool) bool {
	if len(seq) == 0 {
		return k(i)
	}
	n := seq[0]
	rest := seq[1:]
	next := func(j int) bool { return matchSeq(rest, s, j, k) }
	return matchRepeat(n, s, i, 0, next)
}

// matchRepeat matches n at least min and at most max times (greedy), count
// repetitions done so far.
func matchRepeat(n *re, s string, i int, count int, k func(int) bool) bool {
	if n.max < 0 || count < n.max {
		more := func(j int) bool {
			if j == i && count >= n.min {
				return false // an empty repetition would loop for ever
			}
			return matchRepeat(n, s, j, count+1, k)
		}
		if matchOnce(n, s, i, more) {
			return true
		}
	}
	return count >= n.min && k(i)
}

func matchOnce(n *re, s string, i int, k func(int) bool) bool {
	switch n.op {
	case reBegin:
		return i == 0 && k(i)
	case reEnd:
		return i == len(s) && k(i)
	case reGroup:
		for _, alt := range n.alts {
			if matchSeq(alt, s, i, k) {
				return true
			}
		}
		return false
	}
	return n.one(s, i) && k(i+1)
}

// matchString reports whether the pattern matches anywhere in s.
func (g *re) matchString(s string) bool {
	for i := 0; i <= len(s); i++ {
		if matchOnce(g, s, i, func(int) bool { return true }) {
			return true
		}
	}
	return false
}

// splitRegexp splits a -test.run pattern at its top-level slashes (go
// testing/match.go splitRegexp).
func splitRegexp(s string) []string {
	var a []string
	cs := 0
	cp := 0
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			cs++
		case ']':
			if cs--; cs < 0 {
				cs = 0
			}
		case '(':
			if cs == 0 {
				cp++
			}
		case ')':
			if cs == 0 {
				cp--
			}
		case '\\':
			i++
		case '/':
			if cs == 0 && cp == 0 {
				a = append(a, s[start:i])
				start = i + 1
			}
		}
	}
	return append(a, s[start:])
}

// runFilter is -test.run compiled: one regexp per name level.
var runFilter []*re

// setRunPattern compiles -test.run; a bad pattern ends the program as go
// test does ("testing: invalid regexp for -test.run: ...", exit 1).
func setRunPattern(pat string) {
	runFilter = nil
	if pat == "" {
		return
	}
	for _, part := range splitRegexp(pat) {
		g, err := compileRe(part)
		if err != "" {
			printErr("testing: invalid regexp for element " + itoa(len(runFilter)) + " of -test.run (" + quote(part) + "): " + err + "\n")
			exit(1)
		}
		runFilter = append(runFilter, g)
	}
}
