//go:build !wasm

package ui

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"ltvlab/app/internal/orderdata"
	"ltvlab/calc"
)

// sendAll passes what the work tells through the messages of the order
// worker and returns the events the page gets.
func sendAll(t *testing.T, events []txEvent) []txEvent {
	t.Helper()
	var dec txDecoder
	var out []txEvent
	for _, e := range events {
		msgs, err := encodeTxEvent(e)
		if err != nil {
			t.Fatalf("%s: %v", e.kind, err)
		}
		for i, m := range msgs {
			got, ok, err := dec.decode(m)
			if err != nil {
				t.Fatalf("%s, message %d: %v", e.kind, i, err)
			}
			if ok != (i == len(msgs)-1) {
				t.Fatalf("%s: message %d of %d done %v", e.kind, i+1, len(msgs), ok)
			}
			if ok {
				out = append(out, got)
			}
		}
	}
	return out
}

// TestTxWireRoundTrip: what the page gets from the order worker is what
// the work made, for a file of 9,000 customers (three messages of
// customers): the orders' figures, the base, the models, the valuation
// exact to the cent, and the rows the page sorts.
func TestTxWireRoundTrip(t *testing.T) {
	data := orderdata.Simulate(9000, orderdata.Small, 3)
	w := txWork{from: stageRead, pasted: string(data), settings: warmSettings()}
	w.settings.end, _ = calc.ParseDay("2023-10-01")
	var made []txEvent
	doTxWork(w, func() error { return nil }, func(e txEvent) { made = append(made, e) })
	got := sendAll(t, made)
	if len(got) != len(made) {
		t.Fatalf("%d events, want %d", len(got), len(made))
	}
	kinds := ""
	for i, e := range made {
		g := got[i]
		kinds += e.kind + " "
		if g.kind != e.kind {
			t.Fatalf("event %d: %s, want %s", i, g.kind, e.kind)
		}
		switch e.kind {
		case evStage:
			if g.stage != e.stage {
				t.Errorf("stage %q, want %q", g.stage, e.stage)
			}
		case evOrders:
			o, w := g.orders, e.orders
			if o.Customers != w.Customers || o.LastDay != w.LastDay || o.Rows != w.Rows || o.Kept != w.Kept ||
				!reflect.DeepEqual(o.Header, w.Header) || !reflect.DeepEqual(o.Preview, w.Preview) || !reflect.DeepEqual(o.SkipCounts, w.SkipCounts) {
				t.Errorf("orders %+v, want %+v", *o, *w)
			}
		case evBase:
			b, w := g.base, e.base
			if len(b.Customers) != 9000 || !reflect.DeepEqual(b.Customers, w.Customers) {
				t.Errorf("base: %d customers, want the %d made", len(b.Customers), len(w.Customers))
			}
			if b.Period != w.Period || b.PeriodDays != w.PeriodDays || b.First != w.First || b.End != w.End || b.Last != w.Last ||
				b.Repeat != w.Repeat || b.Occasions != w.Occasions || b.HoldoutOccasions != w.HoldoutOccasions || b.Later != w.Later {
				t.Errorf("base %+v, want %+v", *b, *w)
			}
		case evModels:
			if !reflect.DeepEqual(*g.models, *e.models) {
				t.Errorf("models %+v, want %+v", *g.models, *e.models)
			}
		case evValue:
			v, w := g.val, e.val
			if len(v.Customers) != len(w.Customers) || v.Holdout == nil {
				t.Fatalf("valuation: %d customers (want %d), holdout %v", len(v.Customers), len(w.Customers), v.Holdout)
			}
			for i, c := range w.Customers {
				gc := v.Customers[i]
				if gc.Record != c.Record || gc.PAlive != c.PAlive || gc.Expected != c.Expected ||
					!gc.Monetary.Equal(c.Monetary) || !gc.ExpectedValue.Equal(c.ExpectedValue) || !gc.CLV.Equal(c.CLV) {
					t.Fatalf("customer %d: %+v, want %+v", i, gc, c)
				}
			}
			if !v.TotalCLV.Equal(w.TotalCLV) || !v.PopulationOrderValue.Equal(w.PopulationOrderValue) || v.Settings.Horizon != w.Settings.Horizon ||
				!v.Settings.MarginPct.Equal(w.Settings.MarginPct) || len(v.Holdout.Tracking) != len(w.Holdout.Tracking) ||
				!v.Holdout.Tracking[len(w.Holdout.Tracking)-1].Expected.Equal(w.Holdout.Tracking[len(w.Holdout.Tracking)-1].Expected) {
				t.Errorf("valuation's figures differ")
			}
			if !reflect.DeepEqual(g.rows, e.rows) {
				t.Errorf("the rows the page sorts differ")
			}
		}
	}
	if want := "orders stage base models stage value "; kinds != want {
		t.Errorf("events %q, want %q", kinds, want)
	}
}

// TestTxWireModelsNotFinite: an interval without an end, and a correlation
// not computed, cross as they are (JSON could not carry them).
func TestTxWireModelsNotFinite(t *testing.T) {
	m := calc.OrderModels{SpendZero: 3, SpendCorrelation: math.NaN()}
	m.BGNBD.R, m.BGNBD.Intervals[1] = 0.25, calc.Interval{Low: 0.1, High: math.Inf(1)}
	m.GammaGamma.Customers, m.GammaGamma.Intervals[2] = 400, calc.Interval{Low: math.Inf(-1), High: 2}
	got := sendAll(t, []txEvent{{kind: evModels, models: &m}})[0].models
	if got.BGNBD.R != 0.25 || !math.IsInf(got.BGNBD.Intervals[1].High, 1) || !math.IsInf(got.GammaGamma.Intervals[2].Low, -1) ||
		got.GammaGamma.Customers != 400 || got.SpendZero != 3 || !math.IsNaN(got.SpendCorrelation) {
		t.Errorf("models %+v", *got)
	}
}

// TestTxWireFailures: the page words a failure from the worker as it words
// its own: field errors stay field errors, others keep their text.
func TestTxWireFailures(t *testing.T) {
	fe := &calc.FieldError{Field: "date_order", Code: calc.CodeRequired, Reason: "day or month first?"}
	for _, c := range []struct {
		err    error
		fields int
	}{
		{errors.Join(fe, &calc.FieldError{Field: "amount_column", Code: calc.CodeInvalid, Reason: "no amount"}), 2},
		{errors.New("the browser could not read the file"), 0},
	} {
		got := sendAll(t, []txEvent{{kind: evFail, on: "file", err: c.err}})[0]
		if got.on != "file" || len(calc.FieldErrors(got.err)) != c.fields {
			t.Errorf("%v: got %q on %q", c.err, got.err, got.on)
		}
		p := newTransactionsPage()
		if a, b := p.errorTexts(got.err), p.errorTexts(c.err); !reflect.DeepEqual(a, b) {
			t.Errorf("worded %q, want %q", a, b)
		}
	}
}

// TestTxJobRoundTrip: a job's settings reach the worker as they were.
func TestTxJobRoundTrip(t *testing.T) {
	w := txWork{job: 7, from: stageCut, settings: warmSettings(), opts: calc.OrderOptions{Customer: "E-mail", Date: "Paid at", DateOrder: calc.DateOrderDMY}}
	got, err := decodeTxJob(encodeTxJob(w))
	if err != nil {
		t.Fatal(err)
	}
	if got.job != 7 || got.from != stageCut || got.opts != w.opts || got.settings.end != w.settings.end || got.settings.period != w.settings.period ||
		got.settings.value.Horizon != 52 || !got.settings.value.MarginPct.Equal(w.settings.value.MarginPct) || !got.settings.value.DiscountPct.Equal(w.settings.value.DiscountPct) {
		t.Errorf("job %+v, want %+v", got, w)
	}
	if _, err := decodeTxJob(`{"Margin":"ten"}`); err == nil {
		t.Error("a margin that is not a number was taken")
	}
}

// TestTxDecoderRefuses: messages out of order or cut are an error, never
// a panic or a wrong event.
func TestTxDecoderRefuses(t *testing.T) {
	for _, msg := range []string{
		"", "nothing", "value+\n0 0.5 1 2 3 4\n", "base+\n\"a\" 1 2 3 4 5\n", "value\n3\n{}",
		"base\n-1\n{}", "base\nx\n{}", "read\nmany", "models\n1 2 3", "orders\n{",
	} {
		var d txDecoder
		if e, ok, err := d.decode(msg); ok || err == nil {
			t.Errorf("%q: %+v %v %v", msg, e, ok, err)
		}
	}
	var d txDecoder
	if _, ok, err := d.decode("base\n2\n{}"); ok || err != nil {
		t.Fatalf("base of 2: %v %v", ok, err)
	}
	for _, bad := range []string{"base+\n\"a\" 1 2\n", "base+\na 1 2 3 4 5\n", "base+\n\"a\" 1 2 3 4 5\n\"b\" 1 2 3 4 5\n\"c\" 1 2 3 4 5\n"} {
		d2 := d
		d2.base = &calc.CustomerBase{}
		d2.base.Customers = nil
		if _, ok, err := d2.decode(bad); ok || err == nil {
			t.Errorf("%q taken", bad)
		}
	}
}

// FuzzTxDecoder: no sequence of messages panics the page's decoder.
func FuzzTxDecoder(f *testing.F) {
	f.Add("base\n1\n{}", "base+\n\"a\" 0 1 1 0 0\n", "value\n1\n{}", "value+\n0 0.5 1.25 2 3 4\n")
	f.Add("orders\n{\"Customers\":3}", "models\n"+strings.Repeat("1 ", 27), "fail\nfile\nF[{}]", "stage\nfit")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		var dec txDecoder
		for _, m := range []string{a, b, c, d} {
			e, ok, err := dec.decode(m)
			if ok && err != nil {
				t.Fatalf("%q: done with an error", m)
			}
			if ok && e.kind == evValue && len(e.rows) != len(e.val.Customers) {
				t.Fatalf("%d rows for %d customers", len(e.rows), len(e.val.Customers))
			}
		}
	})
}
