package calc

import (
	"fmt"
	"strconv"
)

// Codes of FieldError: a machine-readable reason the UI can translate.
const (
	CodeRequired    = "required"     // nothing was entered
	CodeNotANumber  = "not_a_number" // the text is not a decimal number
	CodeTooLong     = "too_long"     // more characters than any real figure needs
	CodeTooLarge    = "too_large"    // the magnitude is beyond MaxInput
	CodeTooPrecise  = "too_precise"  // more decimal places than MaxFractionDigits
	CodeNegative    = "negative"     // the figure must be zero or more
	CodeNotPositive = "not_positive" // the figure must be more than zero
	CodeOutOfRange  = "out_of_range" // outside the field's own bounds, e.g. a percentage over 100
	CodeNotInteger  = "not_integer"  // a count or a number of periods with a fractional part
	CodeInvalid     = "invalid"      // not a value of the field's kind: a word for a number, an unknown option
	CodeUnknown     = "unknown"      // a field name the scenario format does not have
	CodeConflict    = "conflict"     // given together with another field that says the same thing differently
	CodeUnbounded   = "unbounded"    // the lifetime value would be infinite: a horizon or a discount is needed
	CodeTooMany     = "too_many"     // more values than the limits allow
	CodeNoFit       = "no_fit"       // data the retention model cannot be fitted to
	CodeNotApplied  = "not_applied"  // a lever or input that the chosen model does not have
	CodeDuplicate   = "duplicate"    // a field given twice in one object of the document
	CodeEncoding    = "encoding"     // a document that is not UTF-8 text
)

// FieldError reports one bad input. Field names the input as in the scenario
// JSON (e.g. "average_order_value"), Value is the text as the user typed it,
// Code is one of the Code* constants and Reason says in plain English what is
// wrong. Read it with errors.As; several FieldErrors are joined with errors.Join.
type FieldError struct {
	Field  string
	Value  string
	Code   string
	Reason string
}

// Error reads "field: reason (got "value")", the value cut after 80
// characters and quoted in Go syntax; a field name other than letters,
// digits, "_", "-" and "." (an unknown field of a document) is cut and
// quoted the same way. A FieldError about the whole scenario document
// (Field "") reads "scenario: reason".
func (e *FieldError) Error() string {
	field := e.Field
	if field == "" {
		field = "scenario"
	} else if !plainName(field) {
		field = strconv.Quote(clip(field))
	}
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", field, e.Reason)
	}
	return fmt.Sprintf("%s: %s (got %q)", field, e.Reason, clip(e.Value))
}

// FieldErrors returns every *FieldError inside err, in order, looking through
// errors.Join trees and wrapped errors. It returns nil when there is none.
func FieldErrors(err error) []*FieldError {
	switch e := err.(type) {
	case *FieldError:
		return []*FieldError{e}
	case interface{ Unwrap() []error }:
		var out []*FieldError
		for _, inner := range e.Unwrap() {
			out = append(out, FieldErrors(inner)...)
		}
		return out
	case interface{ Unwrap() error }:
		return FieldErrors(e.Unwrap())
	}
	return nil
}

// ErrorFor returns the first *FieldError in err that concerns field, or nil.
func ErrorFor(err error, field string) *FieldError {
	for _, fe := range FieldErrors(err) {
		if fe.Field == field {
			return fe
		}
	}
	return nil
}

// plainName reports whether a field name is printed as it is: short, and
// ASCII letters, digits, "_", "-" and "." only.
func plainName(name string) bool {
	if len(name) > 2*MaxInputLen {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}
