//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"text/tabwriter"
)

// figure is one line of the table: LTV Lab's median, the reference's median
// measured in the same run when there is one, and the budget it is held to.
type figure struct {
	Group     string    `json:"group"`
	Name      string    `json:"name"`
	Unit      string    `json:"unit"`
	Value     float64   `json:"value"`
	Samples   []float64 `json:"samples,omitempty"`
	Reference *float64  `json:"reference,omitempty"`
	RefName   string    `json:"reference_name,omitempty"`
	RefSample []float64 `json:"reference_samples,omitempty"`
	Ratio     *float64  `json:"ratio,omitempty"`
	Budget    *budget   `json:"budget,omitempty"`
	Pass      *bool     `json:"pass,omitempty"`
	Note      string    `json:"note,omitempty"`
}

// budget is a limit on a figure's value or, when OnRatio, on its ratio to
// the reference.
type budget struct {
	OnRatio bool    `json:"on_ratio"`
	AtMost  bool    `json:"at_most"` // else at least
	Limit   float64 `json:"limit"`
}

func (b budget) String() string {
	op := ">="
	if b.AtMost {
		op = "<="
	}
	if b.OnRatio {
		return fmt.Sprintf("%s %.2fx", op, b.Limit)
	}
	return fmt.Sprintf("%s %s", op, trimFloat(b.Limit))
}

// results is bench/results.json.
type results struct {
	Date    string            `json:"date"`
	Machine map[string]string `json:"machine"`
	Config  map[string]string `json:"config"`
	Figures []figure          `json:"figures"`
	// Packages is what each Go package's code weighs in both app.wasm
	// files, largest first.
	Packages []packageRow            `json:"packages,omitempty"`
	Sections map[string]wasmSections `json:"sections,omitempty"`
	Errors   []string                `json:"errors,omitempty"`
}

// packageRow compares a package's code in LTV Lab's and the hello world's
// app.wasm.
type packageRow struct {
	packageCost
	HelloCodeBytes int `json:"hello_code_bytes"`
	HelloBrotliEst int `json:"hello_brotli_est_bytes"`
}

// add appends a figure, computing the ratio and the verdict.
func (r *results) add(f figure) {
	if f.Reference != nil && *f.Reference != 0 && !math.IsNaN(f.Value) {
		ratio := f.Value / *f.Reference
		f.Ratio = &ratio
	}
	if f.Budget != nil && !math.IsNaN(f.Value) {
		v := f.Value
		ok := true
		if f.Budget.OnRatio {
			if f.Ratio == nil {
				ok = false
			} else {
				v = *f.Ratio
			}
		}
		if ok {
			pass := v >= f.Budget.Limit
			if f.Budget.AtMost {
				pass = v <= f.Budget.Limit
			}
			f.Pass = &pass
		}
	}
	r.Figures = append(r.Figures, f)
}

func (r *results) errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintln(os.Stderr, "bench:", msg)
	r.Errors = append(r.Errors, msg)
}

// printTable writes the one table of make bench.
func (r *results) printTable(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "figure\tLTV Lab\treference\tratio\tbudget\tresult\t")
	group := ""
	for _, f := range r.Figures {
		if f.Group != group {
			group = f.Group
			fmt.Fprintf(tw, "%s\t\t\t\t\t\t\n", "["+group+"]")
		}
		ref, ratio, bud, res := "", "", "", ""
		if f.Reference != nil {
			ref = formatValue(*f.Reference, f.Unit)
		}
		if f.Ratio != nil {
			ratio = fmt.Sprintf("%.3fx", *f.Ratio)
		}
		if f.Budget != nil {
			bud = f.Budget.String()
		}
		if f.Pass != nil {
			res = "FAIL"
			if *f.Pass {
				res = "pass"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", f.Name, formatValue(f.Value, f.Unit), ref, ratio, bud, res)
	}
	tw.Flush()
	for _, e := range r.Errors {
		fmt.Fprintln(w, "error:", e)
	}
}

// markdownTable is the table for the README.
func (r *results) markdownTable() string {
	var b strings.Builder
	b.WriteString("| figure | LTV Lab | reference | ratio | budget | result |\n|---|---:|---:|---:|---:|---|\n")
	for _, f := range r.Figures {
		ref, ratio, bud, res := "", "", "", ""
		if f.Reference != nil {
			ref = formatValue(*f.Reference, f.Unit)
		}
		if f.Ratio != nil {
			ratio = fmt.Sprintf("%.3fx", *f.Ratio)
		}
		if f.Budget != nil {
			bud = strings.ReplaceAll(strings.ReplaceAll(f.Budget.String(), "<=", "≤"), ">=", "≥")
		}
		if f.Pass != nil {
			res = "**fail**"
			if *f.Pass {
				res = "pass"
			}
		}
		fmt.Fprintf(&b, "| %s: %s | %s | %s | %s | %s | %s |\n", f.Group, f.Name, formatValue(f.Value, f.Unit), ref, ratio, bud, res)
	}
	return b.String()
}

func formatValue(v float64, unit string) string {
	if math.IsNaN(v) {
		return "n/a"
	}
	switch unit {
	case "B":
		if v < 1e5 {
			return fmt.Sprintf("%.1f kB", v/1e3)
		}
		return fmt.Sprintf("%.3f MB", v/1e6)
	case "ms":
		return fmt.Sprintf("%.1f ms", v)
	case "us":
		return fmt.Sprintf("%.1f µs", v)
	case "req/s":
		return fmt.Sprintf("%.0f/s", v)
	case "score":
		return fmt.Sprintf("%.0f", v)
	}
	return trimFloat(v) + unit
}

func trimFloat(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.3f", v), "0"), ".")
}

func (r *results) writeJSON(path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

func ptr[T any](v T) *T { return &v }
