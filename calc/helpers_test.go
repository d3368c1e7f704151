package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// mustDecimal parses an exact decimal for a test.
func mustDecimal(tb testing.TB, s string) decimal.Decimal {
	tb.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// mustScenario parses a scenario document for a test.
func mustScenario(tb testing.TB, doc string) Scenario {
	tb.Helper()
	s, err := ParseScenario([]byte(doc))
	if err != nil {
		tb.Fatalf("ParseScenario(%s): %v", doc, err)
	}
	return s
}

// mustEvaluate parses and evaluates a scenario document for a test.
func mustEvaluate(tb testing.TB, doc string) Result {
	tb.Helper()
	r, err := mustScenario(tb, doc).Evaluate()
	if err != nil {
		tb.Fatalf("Evaluate(%s): %v", doc, err)
	}
	return r
}

// codes maps each field of err's FieldErrors to its code.
func codes(err error) map[string]string {
	m := map[string]string{}
	for _, fe := range FieldErrors(err) {
		m[fe.Field] = fe.Code
	}
	return m
}

// near reports whether got is within tol of want.
func near(got, want, tol decimal.Decimal) bool {
	return got.Sub(want).Abs().Cmp(tol) <= 0
}
