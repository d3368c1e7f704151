//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEval(t *testing.T) {
	tests := []struct {
		name     string
		scenario string
		want     map[string]string // result fields
	}{
		// FORMULAS.md: ARPA $100/month, churn 5 %, margin 80 % -> $1,600;
		// CAC 1,200 is paid back in 1200 / 80 = 15 months.
		{"subscription", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","cac":"1200"}`,
			map[string]string{"ltv": "1600.00", "net_ltv": "400.00", "ltv_to_cac": "1.33", "payback_months": "15.00", "cash_timing": "start"}},
		// The same, as saved by an editor that starts UTF-8 files with a
		// byte order mark.
		{"byte order mark", "\ufeff" + `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","cac":"1200"}`,
			map[string]string{"ltv": "1600.00"}},
		// Seeds 000 and 003, with plain JSON numbers.
		{"purchase", `{"model":"purchase","average_order_value":50,"purchases_per_year":2,"lifetime_years":3}`,
			map[string]string{"ltv": "300.00", "average_order_value": "50.00", "purchase_frequency": "2.0000", "lifetime": "3.0000"}},
		// FORMULAS.md: the regular segment, years 1-7: a = 0.704, b = 1.182.
		{"cohort", `{"model":"cohort","period":"year","customers":"1000","survival_pct":["100","63.1","46.8","38.2","32.6","28.9","26.2","24.1"],"margin_per_period":"100","discount_rate_pct":"10"}`,
			map[string]string{"alpha": "0.704077", "beta": "1.18204", "log_likelihood": "-1680.27"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "scenario.json")
			if err := os.WriteFile(path, []byte(tt.scenario), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if code := run([]string{"eval", path}, &stdout, &stderr); code != 0 {
				t.Fatalf("eval %s = %d, stderr %s", tt.name, code, stderr.String())
			}
			var got map[string]any
			if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
				t.Fatalf("eval output is not JSON: %v\n%s", err, stdout.String())
			}
			for k, want := range tt.want {
				if got[k] != want {
					t.Errorf("eval %s: %s = %v, want %q", tt.name, k, got[k], want)
				}
			}
		})
	}
}

func TestEvalStdin(t *testing.T) {
	doc := `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","cac":"900",
		"what_if":{"churn_change_points":"-1"},"sensitivity":{"pct":"20"},"goal_seek":{"input":"cac"}}`
	for _, args := range [][]string{nil, {"-"}} {
		var stdout, stderr bytes.Buffer
		if code := runEval(args, strings.NewReader(doc), &stdout, &stderr); code != 0 {
			t.Fatalf("eval %v = %d, stderr %s", args, code, stderr.String())
		}
		var got struct {
			LTV    string `json:"ltv"`
			WhatIf struct {
				Scenario struct {
					LTV string `json:"ltv"`
				} `json:"scenario"`
			} `json:"what_if"`
			GoalSeek struct {
				Value string `json:"value"`
			} `json:"goal_seek"`
			Sens struct {
				Rows []any `json:"rows"`
			} `json:"sensitivity"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		// 100 / 0.05 = 2000; 100 / 0.04 = 2500; CAC for 3x: 2000 / 3.
		if got.LTV != "2000.00" || got.WhatIf.Scenario.LTV != "2500.00" || got.GoalSeek.Value != "666.67" || len(got.Sens.Rows) != 3 {
			t.Errorf("eval %v = %s", args, stdout.String())
		}
	}
}

// TestEvalHelp: eval -h prints the usage and succeeds, as the other
// commands do, instead of looking for a file named -h.
func TestEvalHelp(t *testing.T) {
	for _, flag := range []string{"-h", "-help", "--help"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"eval", flag}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "app eval [FILE|-]") || stderr.Len() != 0 {
			t.Errorf("eval %s = %d, stdout %q, stderr %q; want 0 and the usage", flag, code, stdout.String(), stderr.String())
		}
	}
}

func TestEvalBadInput(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stderr []string // each must appear
	}{
		{"field out of range", nil, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"105"}`, 2, []string{"monthly_churn_pct", "at most 100"}},
		{"every bad field", nil, `{"model":"purchase","average_order_value":"x","purchases_per_year":"-1"}`, 2,
			[]string{"average_order_value: not a number", "purchases_per_year: must be zero or more", "lifetime_years"}},
		{"unknown field", nil, `{"model":"subscription","monthly_chrun_pct":"5"}`, 2, []string{"monthly_chrun_pct"}},
		{"malformed JSON", nil, `{"model":`, 2, []string{"malformed JSON"}},
		{"empty input", nil, ``, 2, []string{"scenario"}},
		{"infinite value", nil, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"0"}`, 2, []string{"horizon_months"}},
		{"bad goal", nil, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","goal_seek":{"input":"nothing"}}`, 2, []string{"goal_seek.input"}},
		{"two files", []string{"a.json", "b.json"}, ``, 2, []string{"one scenario file"}},
		{"an option", []string{"-x"}, ``, 2, []string{"no option -x", "usage:"}},
		{"a number of a megabyte", nil, `{"model":"purchase","average_order_value":` + strings.Repeat("9", 1<<20) + `e0,"purchases_per_year":"2","lifetime_years":"3"}`, 2,
			[]string{"average_order_value: this is too long to be a figure"}},
		{"too large", nil, `{"model":"purchase","cash_timing":"` + strings.Repeat("x", 4<<20) + `"}`, 2, []string{"scenario: the scenario is larger than 4 MiB"}},
		{"two models", nil, `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","model":"cohort"}`, 2,
			[]string{"model: given more than once"}},
		{"not UTF-8", nil, "{\"model\":\"purchase\",\"cash_timing\":\"\xff\"}", 2, []string{"not UTF-8 text: byte 36"}},
		{"long unknown name", nil, `{"model":"purchase","` + "\u202e" + strings.Repeat("n", 200<<10) + `":1}`, 2, []string{`"\u202e` + strings.Repeat("n", 79) + `...": not a field`}},
		{"missing file", []string{filepath.Join("no", "such", "file.json")}, ``, 1, []string{"file.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runEval(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if code != tt.code || stdout.Len() != 0 {
				t.Errorf("eval(%s) = %d, stdout %q, want %d and no output", tt.name, code, stdout.String(), tt.code)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("eval(%s) stderr = %q, want it to mention %q", tt.name, stderr.String(), s)
				}
			}
		})
	}
}
