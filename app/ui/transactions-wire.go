package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

// What the page and the order worker send each other, as text: a job's
// settings, and what the work tells (txEvent). The small parts are JSON;
// the customers go as one line each, a few thousand lines a message, so
// that no message costs the page a long task to read, and float64
// statistics go as Go's shortest exact text ("+Inf" and "NaN" included,
// which JSON has not). Money goes as decimal text, exact.

// txCustomersPerMessage is the customers in one message.
const txCustomersPerMessage = 4000

// txJobWire is a job's settings and columns (the file goes beside it as
// a Blob or a string).
type txJobWire struct {
	Job      int64
	From     int
	End      int
	Period   string
	Horizon  int
	Margin   string
	Discount string
	Opts     calc.OrderOptions
}

func encodeTxJob(w txWork) string {
	b, _ := json.Marshal(txJobWire{Job: w.job, From: w.from, End: w.settings.end, Period: w.settings.period,
		Horizon: w.settings.value.Horizon, Margin: w.settings.value.MarginPct.String(), Discount: w.settings.value.DiscountPct.String(), Opts: w.opts})
	return string(b)
}

func decodeTxJob(s string) (txWork, error) {
	var j txJobWire
	if err := json.Unmarshal([]byte(s), &j); err != nil {
		return txWork{}, err
	}
	m, err := decimal.NewFromString(j.Margin)
	if err != nil {
		return txWork{}, err
	}
	d, err := decimal.NewFromString(j.Discount)
	if err != nil {
		return txWork{}, err
	}
	return txWork{job: j.Job, from: j.From, opts: j.Opts, settings: txSettings{end: j.End, period: j.Period,
		value: calc.ValueSettings{Horizon: j.Horizon, MarginPct: m, DiscountPct: d}}}, nil
}

// encodeTxEvent is e as the messages that carry it, in order.
func encodeTxEvent(e txEvent) ([]string, error) {
	switch e.kind {
	case evStage:
		return []string{evStage + "\n" + e.stage}, nil
	case evRead:
		return []string{evRead + "\n" + strconv.Itoa(e.readPct)}, nil
	case evOrders:
		b, err := json.Marshal(e.orders)
		return []string{evOrders + "\n" + string(b)}, err
	case evModels:
		return []string{evModels + "\n" + floatsText(modelFloats(e.models))}, nil
	case evFail:
		if fes := calc.FieldErrors(e.err); len(fes) > 0 {
			b, err := json.Marshal(fes)
			return []string{evFail + "\n" + e.on + "\nF" + string(b)}, err
		}
		return []string{evFail + "\n" + e.on + "\nE" + e.err.Error()}, nil
	case evBase:
		head := *e.base
		head.Customers = nil
		b, err := json.Marshal(&head)
		if err != nil {
			return nil, err
		}
		out := []string{evBase + "\n" + strconv.Itoa(len(e.base.Customers)) + "\n" + string(b)}
		return chunkLines(out, evBase+"+\n", len(e.base.Customers), func(w *strings.Builder, i int) {
			r := e.base.Customers[i]
			w.WriteString(strconv.Quote(r.ID))
			for _, n := range []int64{int64(r.X), int64(r.First), int64(r.Last), r.RepeatMicros, int64(r.Holdout)} {
				w.WriteByte(' ')
				w.WriteString(strconv.FormatInt(n, 10))
			}
		}), nil
	case evValue:
		head := *e.val
		head.Customers = nil
		b, err := json.Marshal(&head)
		if err != nil {
			return nil, err
		}
		out := []string{evValue + "\n" + strconv.Itoa(len(e.val.Customers)) + "\n" + string(b)}
		return chunkLines(out, evValue+"+\n", len(e.val.Customers), func(w *strings.Builder, i int) {
			c := e.val.Customers[i]
			w.WriteString(strconv.Itoa(c.Record) + " " + floatsText([]float64{c.PAlive, c.Expected}) + " " +
				c.Monetary.String() + " " + c.ExpectedValue.String() + " " + c.CLV.String())
		}), nil
	}
	return nil, fmt.Errorf("no message for %q", e.kind)
}

// chunkLines appends to out the lines of n items, txCustomersPerMessage a
// message, each message starting with prefix.
func chunkLines(out []string, prefix string, n int, line func(*strings.Builder, int)) []string {
	for from := 0; from < n; from += txCustomersPerMessage {
		var w strings.Builder
		w.WriteString(prefix)
		for i := from; i < min(n, from+txCustomersPerMessage); i++ {
			line(&w, i)
			w.WriteByte('\n')
		}
		out = append(out, w.String())
	}
	return out
}

// modelFloats are the figures of fitted models, in a fixed order.
func modelFloats(m *calc.OrderModels) []float64 {
	bg, gg := m.BGNBD, m.GammaGamma
	f := []float64{bg.R, bg.Alpha, bg.A, bg.B, bg.LogLikelihood, bg.Customers}
	for _, iv := range bg.Intervals {
		f = append(f, iv.Low, iv.High)
	}
	f = append(f, gg.P, gg.Q, gg.Gamma, gg.LogLikelihood, float64(gg.Customers))
	for _, iv := range gg.Intervals {
		f = append(f, iv.Low, iv.High)
	}
	return append(f, float64(m.SpendZero), m.SpendCorrelation)
}

func modelsFromFloats(f []float64) (*calc.OrderModels, error) {
	if len(f) != 6+8+5+6+2 {
		return nil, fmt.Errorf("%d figures of the models, want 27", len(f))
	}
	var m calc.OrderModels
	bg, gg := &m.BGNBD, &m.GammaGamma
	bg.R, bg.Alpha, bg.A, bg.B, bg.LogLikelihood, bg.Customers = f[0], f[1], f[2], f[3], f[4], f[5]
	for i := range bg.Intervals {
		bg.Intervals[i] = calc.Interval{Low: f[6+2*i], High: f[7+2*i]}
	}
	gg.P, gg.Q, gg.Gamma, gg.LogLikelihood, gg.Customers = f[14], f[15], f[16], f[17], int(f[18])
	for i := range gg.Intervals {
		gg.Intervals[i] = calc.Interval{Low: f[19+2*i], High: f[20+2*i]}
	}
	m.SpendZero, m.SpendCorrelation = int(f[25]), f[26]
	return &m, nil
}

func floatsText(f []float64) string {
	s := make([]string, len(f))
	for i, x := range f {
		s[i] = strconv.FormatFloat(x, 'g', -1, 64)
	}
	return strings.Join(s, " ")
}

func parseFloats(s string) ([]float64, error) {
	fields := strings.Fields(s)
	out := make([]float64, len(fields))
	for i, f := range fields {
		x, err := strconv.ParseFloat(f, 64)
		if err != nil && !math.IsInf(x, 0) {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

// txDecoder puts the messages of one job back into events. It keeps the
// last base it read: a job that only values again has the base of the job
// that fitted the models (the page sends such a job only while it shows
// that job's models).
type txDecoder struct {
	base      *calc.CustomerBase // being read, then the last read
	baseLeft  int
	val       *calc.Valuation
	rows      []txRow
	valueLeft int
}

var errTxMessage = errors.New("a message of the order worker could not be read")

// decode reads one message; ok is false while an event's messages are
// still to come.
func (d *txDecoder) decode(msg string) (e txEvent, ok bool, err error) {
	kind, body, _ := strings.Cut(msg, "\n")
	e.kind = kind
	switch kind {
	case evStage:
		e.stage = body
		return e, true, nil
	case evRead:
		e.readPct, err = strconv.Atoi(body)
		return e, err == nil, err
	case evOrders:
		e.orders = new(txOrders)
		err = json.Unmarshal([]byte(body), e.orders)
		return e, err == nil, err
	case evModels:
		f, err := parseFloats(body)
		if err == nil {
			e.models, err = modelsFromFloats(f)
		}
		return e, err == nil, err
	case evFail:
		on, text, _ := strings.Cut(body, "\n")
		e.on = on
		if rest, isField := strings.CutPrefix(text, "F"); isField {
			var fes []*calc.FieldError
			if err := json.Unmarshal([]byte(rest), &fes); err != nil {
				return e, false, err
			}
			errs := make([]error, len(fes))
			for i, fe := range fes {
				errs[i] = fe
			}
			e.err = errors.Join(errs...)
		} else {
			e.err = errors.New(strings.TrimPrefix(text, "E"))
		}
		return e, true, nil
	case evBase, evValue:
		count, head, _ := strings.Cut(body, "\n")
		n, err := strconv.Atoi(count)
		if err != nil || n < 0 {
			return e, false, errTxMessage
		}
		if kind == evBase {
			d.base, d.baseLeft = new(calc.CustomerBase), n
			if err := json.Unmarshal([]byte(head), d.base); err != nil {
				return e, false, err
			}
			d.base.Customers = make([]calc.CustomerRecord, 0, n)
		} else {
			if d.base == nil {
				return e, false, errTxMessage
			}
			d.val, d.valueLeft = new(calc.Valuation), n
			if err := json.Unmarshal([]byte(head), d.val); err != nil {
				return e, false, err
			}
			d.val.Customers = make([]calc.CustomerValue, 0, n)
			d.rows = make([]txRow, 0, n)
		}
		return d.done(kind)
	case evBase + "+":
		if d.base == nil || d.baseLeft == 0 {
			return e, false, errTxMessage
		}
		for line := range strings.Lines(body) {
			r, err := baseLine(strings.TrimSuffix(line, "\n"))
			if err != nil || d.baseLeft == 0 {
				return e, false, errTxMessage
			}
			d.base.Customers = append(d.base.Customers, r)
			d.baseLeft--
		}
		return d.done(evBase)
	case evValue + "+":
		if d.val == nil || d.valueLeft == 0 {
			return e, false, errTxMessage
		}
		for line := range strings.Lines(body) {
			c, money, err := valueLine(strings.TrimSuffix(line, "\n"))
			if err != nil || d.valueLeft == 0 || c.Record < 0 || c.Record >= len(d.base.Customers) {
				return e, false, errTxMessage
			}
			// newTxRow's sort keys, the money's read from its text (what
			// InexactFloat64 gives, at a fraction of its cost).
			r := d.base.Customers[c.Record]
			rfm := d.base.RFM(r)
			d.rows = append(d.rows, txRow{i: len(d.val.Customers), x: r.X, recency: rfm.Tx, t: rfm.T, monetary: money[0],
				pAlive: c.PAlive, expected: c.Expected, ev: money[1], clv: money[2], id: r.ID})
			d.val.Customers = append(d.val.Customers, c)
			d.valueLeft--
		}
		return d.done(evValue)
	}
	return e, false, errTxMessage
}

// done is the event of kind once its last message is read.
func (d *txDecoder) done(kind string) (txEvent, bool, error) {
	if kind == evBase {
		return txEvent{kind: kind, base: d.base}, d.baseLeft == 0, nil
	}
	if d.valueLeft > 0 {
		return txEvent{kind: kind}, false, nil
	}
	e := txEvent{kind: kind, val: d.val, rows: d.rows}
	d.val, d.rows = nil, nil
	return e, true, nil
}

func baseLine(line string) (calc.CustomerRecord, error) {
	q, err := strconv.QuotedPrefix(line)
	if err != nil {
		return calc.CustomerRecord{}, err
	}
	id, err := strconv.Unquote(q)
	if err != nil {
		return calc.CustomerRecord{}, err
	}
	f := strings.Fields(line[len(q):])
	if len(f) != 5 {
		return calc.CustomerRecord{}, errTxMessage
	}
	var n [5]int64
	for i, s := range f {
		if n[i], err = strconv.ParseInt(s, 10, 64); err != nil {
			return calc.CustomerRecord{}, err
		}
	}
	return calc.CustomerRecord{ID: id, X: int(n[0]), First: int(n[1]), Last: int(n[2]), RepeatMicros: n[3], Holdout: int(n[4])}, nil
}

func valueLine(line string) (c calc.CustomerValue, money [3]float64, err error) {
	f := strings.Fields(line)
	if len(f) != 6 {
		return c, money, errTxMessage
	}
	if c.Record, err = strconv.Atoi(f[0]); err != nil {
		return c, money, err
	}
	stats, err := parseFloats(f[1] + " " + f[2])
	if err != nil {
		return c, money, err
	}
	c.PAlive, c.Expected = stats[0], stats[1]
	for i, m := range []*decimal.Decimal{&c.Monetary, &c.ExpectedValue, &c.CLV} {
		if *m, err = decimal.NewFromString(f[3+i]); err != nil {
			return c, money, err
		}
		if money[i], err = strconv.ParseFloat(f[3+i], 64); err != nil {
			return c, money, err
		}
	}
	return c, money, nil
}
