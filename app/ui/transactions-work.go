package ui

import (
	"errors"
	"io"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// The work of the transactions page (reading the file, fitting the models,
// valuing the customers) runs in the order worker, a second copy of
// orders.wasm in a Web Worker (transactions-worker_wasm.go): the page's main
// thread then only draws what the work tells it, so no task of the work,
// nor its collector's cycles, hold the page. Where no worker can start (and
// natively, in tests), the page runs it itself in slices of about 20 ms
// (runHere). Both run doTxWork, and the page takes what it tells with
// apply.

// txEvent is one thing the work tells the page: the stage it is in, how
// much of the file is read, or what a stage gave (orders, base, models,
// the valuation with its rows), or why it stopped.
type txEvent struct {
	kind    string // one of the tx* kinds below
	stage   string // evStage: "read", "fit", "value"
	readPct int    // evRead: percent of the file read
	orders  *txOrders
	base    *calc.CustomerBase
	models  *calc.OrderModels
	val     *calc.Valuation
	rows    []txRow // with val, one per customer
	err     error   // evFail: why the work stopped
	on      string  // evFail: the stage: "file", "end", "fit" or "value"
}

// Kinds of txEvent.
const (
	evStage  = "stage"
	evRead   = "read"
	evOrders = "orders"
	evBase   = "base"
	evModels = "models"
	evValue  = "value"
	evFail   = "fail"
)

// txOrders is an order file read as the page shows it: calc's Orders
// with the two figures the page needs of what only the work keeps (the
// orders themselves). On the page only Orders' fields are read: its
// methods need the orders, which a copy from the order worker has not.
type txOrders struct {
	*calc.Orders
	Customers int // customers read
	LastDay   int // the latest order's day

	fromWorker bool // a copy, without the orders
}

func newTxOrders(o *calc.Orders) *txOrders {
	return &txOrders{Orders: o, Customers: o.Customers(), LastDay: o.LastDay()}
}

// txWork is one job: its inputs, and what earlier stages left.
type txWork struct {
	job      int64
	from     int
	settings txSettings
	opts     calc.OrderOptions
	file     app.Value
	pasted   string
	orders   *calc.Orders
	base     *calc.CustomerBase
	models   *calc.OrderModels
}

// doTxWork does the work of w from its first stage and tells emit what
// each stage gives; it stops at the first error, which it tells unless it
// is yield's errCancelled. yield is called often; the file is read from
// w.file (a Blob of the browser) or w.pasted.
func doTxWork(w txWork, yield func() error, emit func(txEvent)) {
	fail := func(on string, err error) {
		if !errors.Is(err, errCancelled) {
			emit(txEvent{kind: evFail, err: err, on: on})
		}
	}
	if w.from == stageRead {
		var r io.Reader
		if w.file != nil {
			shown := time.Now()
			r = newBlobReader(w.file, func(read, size int64) {
				if time.Since(shown) < 250*time.Millisecond {
					return // a render of the page per chunk would cost more than the chunk
				}
				shown = time.Now()
				emit(txEvent{kind: evRead, readPct: int(read * 100 / max(size, 1))})
			})
		} else {
			r = strings.NewReader(w.pasted)
		}
		o, err := calc.ReadOrders(r, w.opts, yield)
		if o != nil {
			emit(txEvent{kind: evOrders, orders: newTxOrders(o)})
		}
		if err != nil {
			fail("file", err)
			return
		}
		w.orders = o
	}
	if w.from <= stageCut {
		end := w.settings.end
		if end < 0 {
			end = w.orders.LastDay()
		}
		emit(txEvent{kind: evStage, stage: "fit"})
		b, err := w.orders.Summarize(end, w.settings.period, yield)
		if err != nil {
			fail("end", err)
			return
		}
		emit(txEvent{kind: evBase, base: b})
		m, err := calc.FitOrderModels(b, yield)
		if err != nil {
			fail("fit", err)
			return
		}
		w.base, w.models = b, &m
		emit(txEvent{kind: evModels, models: &m})
	}
	emit(txEvent{kind: evStage, stage: "value"})
	v, err := calc.Value(w.base, *w.models, w.settings.value, yield)
	if err != nil {
		fail("value", err)
		return
	}
	rows := make([]txRow, len(v.Customers))
	for i, c := range v.Customers {
		if i%2048 == 2047 {
			if err := yield(); err != nil {
				return
			}
		}
		rows[i] = newTxRow(i, w.base, c)
	}
	emit(txEvent{kind: evValue, val: v, rows: rows})
}

// newTxRow is the sort keys of the i-th customer of a valuation of b.
func newTxRow(i int, b *calc.CustomerBase, c calc.CustomerValue) txRow {
	r := b.Customers[c.Record]
	rfm := b.RFM(r)
	return txRow{i: i, x: r.X, recency: rfm.Tx, t: rfm.T, monetary: c.Monetary.InexactFloat64(),
		pAlive: c.PAlive, expected: c.Expected, ev: c.ExpectedValue.InexactFloat64(), clv: c.CLV.InexactFloat64(), id: r.ID}
}

// sliceYield is the yield of a work that gives the thread back every
// slice: it returns errCancelled once current is false, and otherwise
// yields to the browser when the slice has run out.
func sliceYield(current func() bool, slice time.Duration) func() error {
	last := time.Now()
	return func() error {
		if !current() {
			return errCancelled
		}
		if time.Since(last) > slice {
			yieldToBrowser()
			last = time.Now()
			if !current() {
				return errCancelled
			}
		}
		return nil
	}
}

// showHoldout draws the holdout check, which apply leaves out with the
// rest of the results, in a task of its own: drawn together, the results
// and the holdout's charts made a task of 100-130 ms with the layout on a
// 2-core machine (BenchmarkBrowserTransactions).
func (p *transactionsPage) showHoldout(ctx app.Context, job int64) {
	go func() {
		yieldToBrowser()
		ctx.Dispatch(func(app.Context) {
			if p.job.Load() == job {
				p.holdoutLater = false
			}
		})
	}()
}

// apply takes what the work of the current job tells into the page.
func (p *transactionsPage) apply(e txEvent) {
	switch e.kind {
	case evStage:
		p.stage = e.stage
	case evRead:
		p.readPct = e.readPct
	case evOrders:
		p.orders = e.orders
	case evBase:
		p.base = e.base
	case evModels:
		p.models = e.models
	case evValue:
		p.val, p.rows, p.busy, p.elapsed = e.val, e.rows, false, time.Since(p.began)
		p.holdoutLater = e.val.Holdout != nil
	case evFail:
		p.busy, p.failures = false, p.errorTexts(e.err)
		p.val, p.rows = nil, nil // those of other settings
		if e.on == "end" {
			p.settingsErr = e.err // shown under the calibration end too
		}
	}
}
