package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Number is a figure as text, exactly as typed: the UI keeps what the user
// typed, and the scenario file stores it as a JSON string. On input it also
// accepts a plain JSON number, and null for "not given". The empty Number is
// "not given". ParseDecimal says which texts are figures.
type Number string

// UnmarshalJSON reads a JSON string, a JSON number or null. A number in
// exponent form (2.5e3) is rewritten in plain digits (2500) when that is
// short; otherwise it is kept as written and later reported as not a number.
// A number longer than MaxInputLen is kept as written without being read
// (ParseDecimal then refuses it as too long): reading the digits of a
// megabyte-long exponent form would take seconds.
func (n *Number) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		*n = ""
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*n = Number(s)
		return nil
	case len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')):
		s := string(b)
		if len(b) <= MaxInputLen && bytes.ContainsAny(b, "eE") {
			if d, err := decimal.NewFromString(s); err == nil && d.Exponent() > -2*MaxInputLen && (d.IsZero() || magnitude(d) < 2*MaxInputLen) {
				s = d.String()
			}
		}
		*n = Number(s)
		return nil
	}
	return errors.New("not a number or a string")
}

// Scenario is one calculation: a model, its inputs, optionally the CAC and
// the what-if tools to run. It is the export/import file, the basis of the
// URL state and the input of the eval command. Inputs are kept as text, as
// typed; fields that the chosen model does not read are ignored. json.Marshal
// writes every number as a JSON string and leaves out what is not given;
// ParseScenario reads it back. calc/SCENARIO.md documents every field:
// meaning, unit, default and bounds.
type Scenario struct {
	// Model is ModelPurchase, ModelSubscription or ModelCohort.
	Model string `json:"model"`

	// Purchase model (also gross_margin_pct and annual_churn_pct below).
	AverageOrderValue  Number `json:"average_order_value,omitempty"`
	PurchasesPerYear   Number `json:"purchases_per_year,omitempty"`
	LifetimeYears      Number `json:"lifetime_years,omitempty"`
	TotalRevenue       Number `json:"total_revenue,omitempty"`
	TotalPurchases     Number `json:"total_purchases,omitempty"`
	UniqueCustomers    Number `json:"unique_customers,omitempty"`
	TotalCustomerYears Number `json:"total_customer_years,omitempty"`

	// Purchase and subscription models.
	AnnualChurnPct Number `json:"annual_churn_pct,omitempty"`
	GrossMarginPct Number `json:"gross_margin_pct,omitempty"`

	// Subscription model.
	ARPAMonthly              Number `json:"arpa_monthly,omitempty"`
	MonthlyChurnPct          Number `json:"monthly_churn_pct,omitempty"`
	MonthlyExpansionPct      Number `json:"monthly_expansion_pct,omitempty"`
	DiscountRateAnnualPct    Number `json:"discount_rate_annual_pct,omitempty"`
	CashTiming               string `json:"cash_timing,omitempty"`
	HorizonMonths            Number `json:"horizon_months,omitempty"`
	Billing                  string `json:"billing,omitempty"`
	AnnualBillingDiscountPct Number `json:"annual_billing_discount_pct,omitempty"`

	// Cohort model.
	SurvivalPct     []Number   `json:"survival_pct,omitempty"`
	SurvivalCounts  []Number   `json:"survival_counts,omitempty"`
	Customers       Number     `json:"customers,omitempty"`
	Cohorts         [][]Number `json:"cohorts,omitempty"`
	Alpha           Number     `json:"alpha,omitempty"`
	Beta            Number     `json:"beta,omitempty"`
	Period          string     `json:"period,omitempty"`
	HorizonPeriods  Number     `json:"horizon_periods,omitempty"`
	FitPeriods      Number     `json:"fit_periods,omitempty"`
	MarginPerPeriod Number     `json:"margin_per_period,omitempty"`
	DiscountRatePct Number     `json:"discount_rate_pct,omitempty"`
	Renewals        Number     `json:"renewals,omitempty"`

	// Customer acquisition cost: CAC, or its parts.
	CAC              Number `json:"cac,omitempty"`
	MarketingSpend   Number `json:"marketing_spend,omitempty"`
	SalesSpend       Number `json:"sales_spend,omitempty"`
	ToolsSpend       Number `json:"tools_spend,omitempty"`
	Overhead         Number `json:"overhead,omitempty"`
	HoursPerCustomer Number `json:"hours_per_customer,omitempty"`
	HourlyRate       Number `json:"hourly_rate,omitempty"`
	NewCustomers     Number `json:"new_customers,omitempty"`

	// What-if tools that Run evaluates beside the result.
	Changes         *Changes         `json:"what_if,omitempty"`
	SensitivitySpec *SensitivitySpec `json:"sensitivity,omitempty"`
	Goal            *Goal            `json:"goal_seek,omitempty"`
}

// ParseScenario reads a scenario document: a JSON object of the fields of
// Scenario, in UTF-8 (a leading byte order mark is skipped, as editors on
// Windows write one). Numbers may be JSON strings or JSON numbers. It
// returns a *FieldError (Field "" for the document as a whole) for a
// document over MaxScenarioBytes (checked first), for one that is not UTF-8
// (CodeEncoding), for malformed JSON, for an unknown field (CodeUnknown), a
// field given twice (CodeDuplicate) and a value of the wrong kind
// (CodeInvalid), several joined with errors.Join. It does not check the
// figures: Evaluate does.
func ParseScenario(data []byte) (Scenario, error) {
	var s Scenario
	if len(data) > MaxScenarioBytes {
		return s, &FieldError{Code: CodeTooLong, Value: "", Reason: fmt.Sprintf("the scenario is larger than %d MiB", MaxScenarioBytes>>20)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		// encoding/json would read each bad byte as U+FFFD: a changed
		// value, not an error.
		at := 0
		for at < len(data) {
			r, n := utf8.DecodeRune(data[at:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			at += n
		}
		return s, &FieldError{Code: CodeEncoding, Reason: fmt.Sprintf("not UTF-8 text: byte %d is not part of a UTF-8 character", at+1)}
	}
	err := decodeObject(data, reflect.ValueOf(&s).Elem(), "")
	return s, err
}

// number returns the text of a scalar field.
func (s *Scenario) number(f numField) *Number {
	return scenarioNumbers(s)[f]
}

// scenarioNumbers lists the scalar fields of s, indexed by numField.
func scenarioNumbers(s *Scenario) [numFields]*Number {
	return [numFields]*Number{
		nAverageOrderValue:        &s.AverageOrderValue,
		nPurchasesPerYear:         &s.PurchasesPerYear,
		nLifetimeYears:            &s.LifetimeYears,
		nAnnualChurnPct:           &s.AnnualChurnPct,
		nGrossMarginPct:           &s.GrossMarginPct,
		nTotalRevenue:             &s.TotalRevenue,
		nTotalPurchases:           &s.TotalPurchases,
		nUniqueCustomers:          &s.UniqueCustomers,
		nTotalCustomerYears:       &s.TotalCustomerYears,
		nARPAMonthly:              &s.ARPAMonthly,
		nMonthlyChurnPct:          &s.MonthlyChurnPct,
		nMonthlyExpansionPct:      &s.MonthlyExpansionPct,
		nDiscountRateAnnualPct:    &s.DiscountRateAnnualPct,
		nHorizonMonths:            &s.HorizonMonths,
		nAnnualBillingDiscountPct: &s.AnnualBillingDiscountPct,
		nCustomers:                &s.Customers,
		nAlpha:                    &s.Alpha,
		nBeta:                     &s.Beta,
		nHorizonPeriods:           &s.HorizonPeriods,
		nFitPeriods:               &s.FitPeriods,
		nMarginPerPeriod:          &s.MarginPerPeriod,
		nDiscountRatePct:          &s.DiscountRatePct,
		nRenewals:                 &s.Renewals,
		nCAC:                      &s.CAC,
		nMarketingSpend:           &s.MarketingSpend,
		nSalesSpend:               &s.SalesSpend,
		nToolsSpend:               &s.ToolsSpend,
		nOverhead:                 &s.Overhead,
		nHoursPerCustomer:         &s.HoursPerCustomer,
		nHourlyRate:               &s.HourlyRate,
		nNewCustomers:             &s.NewCustomers,
	}
}

// decodeObject decodes the JSON object data into the struct v field by field,
// so that every error names its field (prefixed, for nested objects, with
// the parent's name and a dot) and unknown fields and fields given twice
// are reported.
func decodeObject(data []byte, v reflect.Value, prefix string) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil {
		field := strings.TrimSuffix(prefix, ".")
		reason := "not a JSON object"
		// json.Unmarshal returns its *SyntaxError as it is, never wrapped
		// (errors.As would add about 5 kB of Brotli to app.wasm).
		if se, ok := err.(*json.SyntaxError); ok {
			reason = "malformed JSON: " + se.Error()
		}
		return &FieldError{Field: field, Code: CodeInvalid, Reason: reason}
	}
	// encoding/json keeps the last of two members with one name: find them.
	twice := map[string]bool{}
	if keys := objectKeys(data); len(keys) > len(raw) {
		seen := make(map[string]bool, len(keys))
		for _, k := range keys {
			twice[k], seen[k] = seen[k], true
		}
	}
	fields := jsonFields(v.Type())
	var errs []error
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		idx, ok := fields[key]
		name := prefix + key
		switch {
		case twice[key]:
			errs = append(errs, &FieldError{Field: clip(name), Code: CodeDuplicate, Reason: "given more than once: keep one"})
			continue
		case !ok:
			errs = append(errs, &FieldError{Field: clip(name), Code: CodeUnknown, Reason: "not a field of the scenario format"})
			continue
		}
		fv := v.Field(idx)
		val := raw[key]
		if fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() == reflect.Struct {
			if string(val) == "null" {
				continue
			}
			fv.Set(reflect.New(fv.Type().Elem()))
			if err := decodeObject(val, fv.Elem(), name+"."); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if err := json.Unmarshal(val, fv.Addr().Interface()); err != nil {
			errs = append(errs, &FieldError{Field: name, Value: clip(string(val)), Code: CodeInvalid, Reason: kindReason(fv.Type())})
		}
	}
	return errors.Join(errs...)
}

// objectKeys lists the names of the members of data, a valid JSON object,
// in the order written and unescaped ("\u006dodel" is "model").
func objectKeys(data []byte) []string {
	var keys []string
	depth, start := 0, -1
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			j := i + 1
			for ; j < len(data) && data[j] != '"'; j++ {
				if data[j] == '\\' {
					j++
				}
			}
			start, i = i, j
		case c == ':' && depth == 1 && start >= 0:
			var k string
			if json.Unmarshal(data[start:bytes.LastIndexByte(data[:i], '"')+1], &k) == nil {
				keys = append(keys, k)
			}
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		}
	}
	return keys
}

// jsonFields maps the JSON names of a struct's fields to their index.
func jsonFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			m[name] = i
		}
	}
	return m
}

func kindReason(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[Number]():
		return "must be a number, as a JSON string or number"
	case reflect.TypeFor[[]Number]():
		return "must be an array of numbers"
	case reflect.TypeFor[[][]Number]():
		return "must be an array of arrays of numbers"
	case reflect.TypeFor[string]():
		return "must be a JSON string"
	case reflect.TypeFor[bool]():
		return "must be true or false"
	}
	return "must be an object of numbers"
}

// clip shortens a value quoted back in an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 2*MaxInputLen {
		return string(r[:2*MaxInputLen]) + "..."
	}
	return s
}
