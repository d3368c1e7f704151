//go:build wasm

package ui

import (
	"sync"
	"sync/atomic"
	"syscall/js"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// The order worker: the transactions page's work in a Web Worker, a
// second copy of orders.wasm (routes.go) started from the module the page runs
// (web/wasm-compile.js, ltvStartOrderWorker in app/site/wasm-start.go).
// The page posts each job (its settings as text, the file as a Blob or
// the pasted text); the worker reads, fits and values, keeping the orders,
// the base and the models for the next job, and posts back what each
// stage gives (transactions-wire.go). A newer job, or a job number alone,
// cancels the one under way.

// orderWorkerMode reports whether this orders.wasm runs as the order worker.
func orderWorkerMode() bool { return js.Global().Get("ltvOrderWorkerMode").Truthy() }

// runOrderWorker is the order worker's main: it never returns.
func runOrderWorker() {
	var (
		mu      sync.Mutex
		next    js.Value // the newest job not yet started
		current atomic.Int64
	)
	wake := make(chan struct{}, 1)
	handler := js.FuncOf(func(_ js.Value, args []js.Value) any {
		d := args[0]
		current.Store(int64(d.Get("job").Int()))
		if d.Get("settings").Type() == js.TypeString {
			mu.Lock()
			next = d
			mu.Unlock()
			select {
			case wake <- struct{}{}:
			default:
			}
		}
		return nil
	})
	js.Global().Call("ltvOrderWorkerReady", handler)
	post := func(job int64, text string) {
		m := js.Global().Get("Object").New()
		m.Set("job", job)
		m.Set("text", text)
		js.Global().Call("postMessage", m)
	}

	// Warm up until the first job comes: V8 compiles a function to fast
	// code once it has run a while, so the first file then runs the fast
	// code (about 0.6-0.9 s against 0.15-0.25 s for 7,000 orders here).
	warmUpOrderWork(func() bool { return current.Load() == 0 })
	js.Global().Call("postMessage", js.ValueOf(map[string]any{"warm": true}))

	var kept struct {
		orders *calc.Orders
		base   *calc.CustomerBase
		models *calc.OrderModels
	}
	for range wake {
		mu.Lock()
		d := next
		next = js.Undefined()
		mu.Unlock()
		if d.IsUndefined() {
			continue
		}
		w, err := decodeTxJob(d.Get("settings").String())
		job := int64(d.Get("job").Int())
		if err != nil {
			for _, m := range mustEncode(txEvent{kind: evFail, on: "file", err: err}) {
				post(job, m)
			}
			continue
		}
		if w.job != job || current.Load() != job {
			continue
		}
		if f := d.Get("file"); f.Truthy() {
			w.file = app.ValueOf(f)
		} else {
			w.pasted = d.Get("pasted").String()
		}
		// What the page asks to keep, the worker has: the page sends a
		// job from a later stage only while it shows that stage's results.
		if w.from >= stageCut && kept.orders == nil {
			w.from = stageRead
		}
		if w.from == stageValue && kept.models == nil {
			w.from = stageCut
		}
		if w.from <= stageCut {
			kept.base, kept.models = nil, nil
		}
		if w.from >= stageCut {
			// The page shows the orders of the file it asked for.
			for _, m := range mustEncode(txEvent{kind: evOrders, orders: newTxOrders(kept.orders)}) {
				post(job, m)
			}
		}
		w.orders, w.base, w.models = kept.orders, kept.base, kept.models
		restore := relaxGC()
		doTxWork(w, sliceYield(func() bool { return current.Load() == job }, 50*time.Millisecond), func(e txEvent) {
			switch e.kind {
			case evOrders:
				kept.orders = e.orders.Orders
			case evBase:
				kept.base = e.base
			case evModels:
				kept.models = e.models
			}
			for _, m := range mustEncode(e) {
				post(job, m)
			}
		})
		restore()
	}
}

// mustEncode is the messages of e, or of the error that keeps it from
// being sent.
func mustEncode(e txEvent) []string {
	msgs, err := encodeTxEvent(e)
	if err != nil {
		msgs, _ = encodeTxEvent(txEvent{kind: evFail, on: "value", err: err})
	}
	return msgs
}

// warmUpOrderWork runs the whole work on a made-up file of a shop's year
// (3,000 customers) while goOn is true.
func warmUpOrderWork(goOn func() bool) {
	w := txWork{from: stageRead, pasted: warmOrdersCSV(3000), settings: warmSettings()}
	doTxWork(w, sliceYield(goOn, 50*time.Millisecond), func(txEvent) {})
}

// orderWorker is the page's side of the order worker.
type orderWorker struct {
	w      app.Value
	funcs  []app.Func
	dec    txDecoder
	decJob int64
	wake   chan struct{} // closed when the worker is stopped
}

// startOrderWorker starts the order worker, where the page has a module
// to start it from and workers can run.
func (p *transactionsPage) startOrderWorker(ctx app.Context) {
	start := app.Window().Get("ltvStartOrderWorker")
	if p.worker != nil || start.Type() != app.TypeFunction {
		return
	}
	ow := &orderWorker{}
	broken := func(why string) {
		ctx.Dispatch(func(ctx app.Context) {
			if p.worker != ow {
				return
			}
			app.Log("the order worker stopped: " + why)
			p.stopOrderWorker()
			if p.busy { // the page does the work itself
				p.start(ctx, stageRead)
			}
		})
	}
	// The messages are read one a task, and what one completes is drawn in
	// a task of its own: a message's handler runs the Go code it wakes up
	// before the browser gets the thread back.
	var queue []app.Value
	wake := make(chan struct{}, 1)
	onMessage := app.FuncOf(func(_ app.Value, args []app.Value) any {
		d := args[0]
		if d.Get("warm").Truthy() {
			// For tests and measurements: the worker is warm, and when.
			app.Window().Set("ltvOrderWorkerState", "warm")
			app.Window().Set("ltvOrderWorkerWarmAt", app.Window().Get("performance").Call("now"))
			return nil
		}
		if e := d.Get("error"); e.Truthy() {
			broken(e.String())
			return nil
		}
		queue = append(queue, d)
		select {
		case wake <- struct{}{}:
		default:
		}
		return nil
	})
	go func() {
		for range wake {
			for len(queue) > 0 {
				d := queue[0]
				queue = queue[1:]
				job := int64(d.Get("job").Int())
				if job != p.job.Load() {
					continue
				}
				yieldToBrowser()
				if job != ow.decJob {
					ow.dec, ow.decJob = txDecoder{base: ow.dec.base}, job
				}
				e, ok, err := ow.dec.decode(d.Get("text").String())
				if err != nil {
					broken(err.Error())
					return
				}
				if !ok {
					continue
				}
				if e.kind == evOrders {
					e.orders.fromWorker = true
				}
				yieldToBrowser()
				ctx.Dispatch(func(ctx app.Context) {
					if p.job.Load() != job {
						return
					}
					p.apply(e)
					if e.kind == evValue { // for tests: the work was the worker's
						p.showHoldout(ctx, job)
						n, w := 0, app.Window()
						if v := w.Get("ltvOrderWorkerJobs"); v.Type() == app.TypeNumber {
							n = v.Int()
						}
						w.Set("ltvOrderWorkerJobs", n+1)
					}
				})
			}
		}
	}()
	onError := app.FuncOf(func(_ app.Value, args []app.Value) any {
		broken(args[0].String())
		return nil
	})
	ow.funcs, ow.wake = []app.Func{onMessage, onError}, wake
	w := start.Invoke(onMessage, onError)
	if !w.Truthy() {
		onMessage.Release()
		onError.Release()
		close(wake)
		return
	}
	ow.w, p.worker = w, ow
}

// stopOrderWorker ends the order worker.
func (p *transactionsPage) stopOrderWorker() {
	ow := p.worker
	if ow == nil {
		return
	}
	p.worker = nil
	ow.w.Call("terminate")
	for _, f := range ow.funcs {
		f.Release()
	}
	close(ow.wake)
}

// startInWorker posts w to the order worker, and reports whether it did.
func (p *transactionsPage) startInWorker(w txWork) bool {
	if p.worker == nil {
		return false
	}
	m := app.Window().Get("Object").New()
	m.Set("job", w.job)
	m.Set("settings", encodeTxJob(w))
	if w.file != nil {
		m.Set("file", w.file)
	} else {
		m.Set("pasted", w.pasted)
	}
	p.worker.w.Call("postMessage", m)
	return true
}

// tellWorkerJob tells the order worker the current job number: the work
// of an older one stops.
func (p *transactionsPage) tellWorkerJob() {
	if p.worker != nil {
		p.worker.w.Call("postMessage", map[string]any{"job": p.job.Load()})
	}
}
