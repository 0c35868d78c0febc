// Package errors makes errors from text and looks through chains of
// wrapped errors (Go's errors package is the reference).
package errors

// New makes an error whose message is text. Two calls never give equal
// errors, whatever their text: each is a pointer to its own value.
func New(text string) error {
	return &errorString{msg: text}
}

type errorString struct {
	msg string
}

func (e *errorString) Error() string { return e.msg }
