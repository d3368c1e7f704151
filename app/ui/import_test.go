//go:build !wasm

package ui

import (
	"reflect"
	"strings"
	"testing"

	"ltvlab/calc"
)

func TestParseImport(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		wantModel string
		wantErrs  []string // fields with an error, "" for the document
	}{
		{"subscription", subScenario, calc.ModelSubscription, nil},
		{"purchase, numbers as JSON numbers", `{"model":"purchase","average_order_value":50,"purchases_per_year":2,"lifetime_years":3}`, calc.ModelPurchase, nil},
		{"bad figures are the page's business", `{"model":"purchase","average_order_value":"lots"}`, calc.ModelPurchase, nil},
		{"too big", `{"model":"purchase","x":"` + strings.Repeat("1", maxImportBytes) + `"}`, "", []string{""}},
		{"not JSON", `model: purchase`, "", []string{""}},
		{"a list", `[1,2,3]`, "", []string{""}},
		{"empty", ``, "", []string{""}},
		{"unknown fields", `{"model":"purchase","aov":"50","churn":"5"}`, "", []string{"aov", "churn"}},
		{"wrong kinds", `{"model":"subscription","billing":12,"survival_pct":"100"}`, "", []string{"billing", "survival_pct"}},
		{"no model", `{"arpa_monthly":"100"}`, "", []string{"model"}},
		{"unknown model", `{"model":"lottery"}`, "", []string{"model"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := parseImport([]byte(tt.data))
			var fields []string
			for _, fe := range calc.FieldErrors(err) {
				fields = append(fields, fe.Field)
			}
			if !reflect.DeepEqual(fields, tt.wantErrs) || (err == nil) != (tt.wantErrs == nil) {
				t.Fatalf("parseImport(%.60s) error %v, fields %q; want %q", tt.data, err, fields, tt.wantErrs)
			}
			if s.Model != tt.wantModel {
				t.Errorf("model %q, want %q", s.Model, tt.wantModel)
			}
		})
	}
}

// Survival counts, which the page has no field for, open as the one row
// of the cohort table.
func TestParseImportSurvivalCounts(t *testing.T) {
	s, err := parseImport([]byte(`{"model":"cohort","survival_counts":[1000,631,468,382],"margin_per_period":"100","discount_rate_pct":"10"}`))
	if err != nil {
		t.Fatal(err)
	}
	if want := [][]calc.Number{{"1000", "631", "468", "382"}}; !reflect.DeepEqual(s.Cohorts, want) || s.SurvivalCounts != nil {
		t.Errorf("cohorts %q, survival counts %q; want %q and none", s.Cohorts, s.SurvivalCounts, want)
	}
	spec, q := stateFromScenario(s)
	if spec != cohortSpec || q.Get("coh") != "1000\t631\t468\t382\n" {
		t.Errorf("opens %s with coh=%q", spec.Path, q.Get("coh"))
	}
}

// TestParseImportByteOrderMark: a file that an editor saved with a byte
// order mark opens, in the browser as in the eval command.
func TestParseImportByteOrderMark(t *testing.T) {
	if s, err := parseImport([]byte("\xef\xbb\xbf" + subScenario)); err != nil || s.Model != calc.ModelSubscription {
		t.Errorf("parseImport(BOM + scenario) = %v, %v", s.Model, err)
	}
}

func TestImportErrors(t *testing.T) {
	fr := locale{Lang: "fr", Currency: "EUR"}
	tests := []struct {
		name string
		data string
		l    locale
		want []string
	}{
		{"too big", strings.Repeat(" ", maxImportBytes+1), defaultLocale, []string{"The file is larger than 4,096 KiB, the most a scenario file may be."}},
		{"not JSON", `{"model":`, defaultLocale, []string{"This file is not a scenario: it must be one JSON object, as LTV Lab exports."}},
		{"labels", `{"model":"subscription","monthly_churn_pct":[5],"aov":"1"}`, defaultLocale,
			[]string{"aov: not a field of the scenario format", "Monthly churn: must be a number, as a JSON string or number"}},
		{"model", `{"model":"lottery"}`, defaultLocale, []string{"Model: must be purchase, subscription or cohort"}},
		{"French", `{"model":"subscription","monthly_churn_pct":[5],"aov":"1"}`, fr,
			[]string{"aov : " + catalog("fr")["not a field of the scenario format"],
				catalog("fr")["Monthly churn"] + " : " + catalog("fr")["not a valid value"]}},
		{"French model", `{"model":"lottery"}`, fr, []string{catalog("fr")["Model"] + " : " + catalog("fr")["must be purchase, subscription or cohort"]}},
		// A file that is not UTF-8 (100 KiB of Latin-1) is not "larger
		// than" anything: File.text() made each of its bytes three.
		{"not UTF-8", `{"model":"purchase","cash_timing":"` + strings.Repeat("\xe9", 100<<10) + `"}`, defaultLocale,
			[]string{"This file is not UTF-8 text, which scenario files are: save it as UTF-8 and open it again."}},
		{"two models", `{"model":"purchase","model":"cohort"}`, fr, []string{catalog("fr")["Model"] + " : " + catalog("fr")["given more than once: keep one"]}},
		{"a name with a direction override", `{"model":"purchase","` + "\u202e" + strings.Repeat("x", 1000) + `":1}`, defaultLocale,
			[]string{`"\u202e` + strings.Repeat("x", 79) + `...": not a field of the scenario format`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseImport([]byte(tt.data))
			if got := importErrors(err, tt.l); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("importErrors = %q, want %q", got, tt.want)
			}
		})
	}
	// Many errors: the first few and a count of the rest.
	var b strings.Builder
	b.WriteString(`{"model":"purchase"`)
	for i := range 12 {
		b.WriteString(`,"x` + string(rune('a'+i)) + `":1`)
	}
	b.WriteString("}")
	_, err := parseImport([]byte(b.String()))
	got := importErrors(err, defaultLocale)
	if len(got) != 9 || got[8] != "… and 4 more." {
		t.Errorf("12 errors worded as %q, want 8 and a count of 4 more", got)
	}
}

func TestTooBigText(t *testing.T) {
	if got, want := tooBigText(5<<20+1, defaultLocale), "The file is 5,121 KiB; a scenario file may be at most 4,096 KiB."; got != want {
		t.Errorf("tooBigText = %q, want %q", got, want)
	}
}

// FuzzParseImport: any file gives a scenario of a known model or errors
// that can be worded, and never a panic.
func FuzzParseImport(f *testing.F) {
	f.Add([]byte(subScenario))
	f.Add([]byte(`{"model":"cohort","survival_counts":[10,5,2]}`))
	f.Add([]byte(`{"model":"x","what_if":{"set":{"a":1}}}`))
	f.Add([]byte(`[{}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := parseImport(data)
		if err != nil {
			if len(importErrors(err, defaultLocale)) == 0 {
				t.Errorf("parseImport(%q): error %v worded as nothing", data, err)
			}
			return
		}
		if !knownModel(s.Model) {
			t.Errorf("parseImport(%q) accepted model %q", data, s.Model)
		}
	})
}
