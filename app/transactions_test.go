//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ltvlab/app/internal/orderdata"
)

// TestTransactions: the command reads a simulated shop export, fits both
// models, checks them against the holdout and prints every customer.
func TestTransactions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(path, orderdata.Simulate(2400, orderdata.Small, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	args := []string{"transactions", "-end", "2023-10-01", "-period", "week", "-horizon", "26", "-margin", "40", "-discount", "8", path}
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var rep struct {
		Customers      int    `json:"customers"`
		Repeat         int    `json:"repeat_customers"`
		CalibrationEnd string `json:"calibration_end"`
		Period         string `json:"period"`
		BGNBD          struct {
			R, Alpha, A, B, LL float64
			Intervals          map[string][2]float64 `json:"interval_90"`
		} `json:"bgnbd"`
		GammaGamma struct {
			P, Q, Gamma float64
		} `json:"gamma_gamma"`
		Holdout *struct {
			Tracking []struct {
				Actual   int
				Expected float64
			} `json:"cumulative_repeat_transactions"`
			ByFrequency []struct{ Frequency string } `json:"by_frequency"`
		} `json:"holdout"`
		PerCustomer []struct {
			Customer             string
			Frequency            int
			Recency, T           float64
			PAlive               float64 `json:"p_alive"`
			ExpectedTransactions float64 `json:"expected_transactions"`
			MonetaryValue        float64 `json:"monetary_value"`
			ExpectedAverageValue float64 `json:"expected_average_value"`
			CLV                  float64 `json:"clv"`
		} `json:"per_customer"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%.500s", err, stdout.String())
	}
	if rep.CalibrationEnd != "2023-10-01" || rep.Period != "week" || rep.Customers < 2000 || len(rep.PerCustomer) != rep.Customers {
		t.Errorf("end %s, period %s, customers %d, listed %d", rep.CalibrationEnd, rep.Period, rep.Customers, len(rep.PerCustomer))
	}
	// The truth of the simulation lies inside the intervals (r 0.29, alpha 4.414).
	if iv := rep.BGNBD.Intervals["r"]; !(iv[0] < 0.29 && 0.29 < iv[1]) {
		t.Errorf("r %.3f, interval %v", rep.BGNBD.R, iv)
	}
	if rep.Holdout == nil || len(rep.Holdout.Tracking) < 70 || len(rep.Holdout.ByFrequency) != 8 {
		t.Fatalf("holdout: %+v", rep.Holdout)
	}
	for _, c := range rep.PerCustomer {
		if c.PAlive < 0 || c.PAlive > 1 || c.ExpectedTransactions < 0 || c.CLV < 0 || c.Recency > c.T {
			t.Errorf("customer %+v", c)
			break
		}
	}
}

// TestTransactionsBadInput: bad input exits 2 with a message naming the
// row or the column; skipped rows are reported on stderr and do not fail.
func TestTransactionsBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.csv", string(orderdata.Simulate(300, orderdata.Small, 2))+"C999999,not a date,5\n")
	for _, c := range []struct {
		name string
		args []string
		code int
		says []string
	}{
		{"missing column", []string{"-amount", "Price", good}, 2, []string{"amount_column", `"Price"`, "Customer ID, Order Date, Total"}},
		{"unclosed quote", []string{write("q.csv", "customer,date,total\na,2024-01-01,1\n\"b,2024-01-02,2\n")}, 2, []string{"row 3", "quoted field"}},
		{"ambiguous dates", []string{write("d.csv", "customer,date,total\na,03/04/2024,1\nb,05/06/2024,2\n")}, 2, []string{"row 2", "-dates dmy"}},
		{"bad end", []string{"-end", "31/12/2023", good}, 2, []string{"-end", "YYYY-MM-DD"}},
		{"bad period", []string{"-period", "year", good}, 2, []string{"-period"}},
		{"bad horizon", []string{"-horizon", "9999", good}, 2, []string{"horizon"}},
		{"no file", []string{filepath.Join(dir, "none.csv")}, 1, []string{"none.csv"}},
		{"two files", []string{good, good}, 2, []string{"one order file"}},
		{"skipped row", []string{good}, 0, []string{"1 rows skipped", "row ", `column "Order Date": not a date ("not a date")`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"transactions"}, c.args...), &stdout, &stderr)
			if code != c.code {
				t.Errorf("exit %d, want %d: %s", code, c.code, stderr.String())
			}
			for _, s := range c.says {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr %q does not say %q", stderr.String(), s)
				}
			}
		})
	}
}

// TestTransactionsStdin: "-" reads the file from standard input.
func TestTransactionsStdin(t *testing.T) {
	var stdout, stderr bytes.Buffer
	in := bytes.NewReader(orderdata.Simulate(400, orderdata.Small, 3))
	if code := runTransactions([]string{"-period", "month", "-"}, in, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), `"period": "month"`) || !strings.Contains(stdout.String(), `"horizon": 12`) {
		t.Errorf("output: %.300s", stdout.String())
	}
}
