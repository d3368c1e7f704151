package ui

import (
	"errors"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// An edit of a table (a text area of the cohort calculator) may make a lot
// of work: a table of 100,000 figures to read, calc's data to check and
// the model to fit. And a paste by script (execCommand("insertText")) fires
// an input event per line of what it pastes. So in the browser an edit of
// a table only keeps the text: the table is read once per frame at most,
// beside the page (a goroutine that lets the browser deliver input every
// few milliseconds), and a read that a newer edit makes useless stops. Once
// a read is done the page computes from what it read (tableFor and calc
// keep the table, its data and its fit), in the frame after.

// tableWork is the state of a page's table reads.
type tableWork struct {
	edits    atomic.Int64 // edits of a table so far: a read of an older one stops
	read     int64        // the edits the page has computed from
	frameDue bool         // a read is scheduled for the next frame
	// typed are the text areas edited since the last frame, by key: their
	// text is read from them once, in the frame, not on each input event
	// (each read copies the whole text, and a paste of 2,000 lines fires
	// 2,000 events).
	typed map[string]app.Value
	// reading: a read of large tables is under way, and the results on
	// screen are those of the tables before (the panel says so).
	reading bool
}

// yieldEvery is the longest a read works before it lets the browser
// deliver what the visitor does meanwhile.
const yieldEvery = 8 * time.Millisecond

// tableInput takes an input event of a table's text area in the browser:
// the text is read in the next frame (see tableWork.typed). It reports
// whether key is a table and the page mounted; if not, the caller reads
// the text now.
func (p *calcPage) tableInput(ctx app.Context, key string, src app.Value) bool {
	if !p.mounted || tableField(key) == "" {
		return false
	}
	ctx.PreventUpdate() // nothing on the page changes before the frame
	if p.tables.typed == nil {
		p.tables.typed = map[string]app.Value{}
	}
	p.tables.typed[key] = src
	p.goal = goalView{}
	p.tableEdited()
	return true
}

// editTable takes an edit in the browser (the text is kept already): of a
// table, it reads the tables in the next frame; of another field while a
// read is under way, it leaves the computing to the read's end, which
// computes from every input as it is then (computing now would read the
// new tables on the page). It reports whether it took the edit. Before
// the page is mounted (the prerender, the tests that load a URL) the page
// computes as it always does.
func (p *calcPage) editTable(key string) bool {
	switch {
	case !p.mounted:
		return false
	case tableField(key) != "":
		p.tableEdited()
		return true
	case p.tables.edits.Load() != p.tables.read:
		p.urlDue = true
		p.later()
		return true
	}
	return false
}

// tableEdited counts an edit of a table and schedules the read.
func (p *calcPage) tableEdited() {
	p.tables.edits.Add(1)
	p.urlDue = true // the URL carries the text at once, read or not
	if !p.tables.frameDue {
		p.tables.frameDue = true
		ctx := p.ctx
		onNextFrame(func() { ctx.Dispatch(p.readTables) })
	}
}

// readTables reads the tables as they are now beside the page, then
// computes from them on the page, unless they were edited again meanwhile.
func (p *calcPage) readTables(ctx app.Context) {
	p.tables.frameDue = false
	p.takeTyped()
	if large := len(p.text["surv"])+len(p.text["coh"]) >= largeTable; large != p.tables.reading {
		p.tables.reading = large // the panel says that it is out of date
	} else {
		ctx.PreventUpdate() // nothing changes on the page yet
	}
	edits := p.tables.edits.Load()
	// A copy of the page's inputs for the goroutine: the page goes on
	// taking edits meanwhile.
	snap := &calcPage{spec: p.spec, text: make(map[string]string, len(p.text)), loc: p.loc}
	for k, v := range p.text {
		snap.text[k] = v
	}
	markTableRead("start")
	ctx.Async(func() {
		stop := p.stopWhenEdited(edits)
		for _, in := range snap.spec.Inputs {
			if tableField(in.Key) != "" {
				if _, ok := tableFor(snap.text[in.Key], snap.loc, stop); !ok {
					markTableRead("stopped")
					return
				}
			}
		}
		if _, err := runStoppable(snap.scenario(), snap.leverChanges(), stop); errors.Is(err, calc.ErrStopped) {
			markTableRead("stopped")
			return
		}
		markTableRead("done")
		ctx.Dispatch(func(ctx app.Context) {
			if p.tables.edits.Load() != edits {
				ctx.PreventUpdate() // the read of the newer edit computes
				return
			}
			p.tables.reading, p.tables.read = false, edits
			p.recompute()
			p.urlDue = true
			p.later()
		})
	})
}

// stopWhenEdited is the stop function of a read of the tables as they were
// after edits edits: it lets the browser deliver input every yieldEvery,
// then reports whether the tables were edited since.
func (p *calcPage) stopWhenEdited(edits int64) func() bool {
	last := time.Now()
	return func() bool {
		if time.Since(last) >= yieldEvery {
			// Every goroutine of the app then waits: Go hands the thread
			// back to the browser, which runs its pending events.
			time.Sleep(time.Millisecond)
			last = time.Now()
		}
		return p.tables.edits.Load() != edits
	}
}

// largeTable is the length of the tables of a state from which opening it
// reads them beside the page first.
const largeTable = 20_000

// openLarge opens the state q of the calculator spec (a saved scenario, a
// file) when its tables are large: it reads them and computes from them
// beside the page, letting the browser deliver input meanwhile, then opens
// the state, which then finds its tables, data and fit read. It reports
// whether it took the state; an edit of a table meanwhile drops it.
func (p *calcPage) openLarge(_ app.Context, spec *pageSpec, q url.Values) bool {
	if !p.mounted || len(q.Get("coh"))+len(q.Get("surv")) < largeTable {
		return false
	}
	ctx := p.ctx // the page's: the element acted on may go meanwhile
	edits := p.tables.edits.Add(1)
	snap := &calcPage{spec: spec, text: map[string]string{}, loc: p.loc}
	for _, in := range spec.allInputs() {
		snap.text[in.Key] = in.Default
		if v, ok := q[in.Key]; ok && len(v) > 0 {
			snap.text[in.Key] = v[0]
		}
	}
	markTableRead("start")
	ctx.Async(func() {
		stop := p.stopWhenEdited(edits)
		for _, key := range []string{"surv", "coh"} {
			if _, ok := tableFor(snap.text[key], snap.loc, stop); !ok {
				markTableRead("stopped")
				return
			}
		}
		if _, err := runStoppable(snap.scenario(), snap.leverChanges(), stop); errors.Is(err, calc.ErrStopped) {
			markTableRead("stopped")
			return
		}
		markTableRead("done")
		ctx.Dispatch(func(ctx app.Context) {
			if p.tables.edits.Load() == edits {
				p.tables.read = edits
				p.openState(ctx, spec, q)
			}
		})
	})
	return true
}

// runStoppable is runScenario with a stop function (calc.RunStoppable).
func runStoppable(s calc.Scenario, levers calc.Changes, stop func() bool) (calc.Report, error) {
	if anyLever(levers) {
		s.Changes = &levers
	}
	s.SensitivitySpec = &calc.SensitivitySpec{}
	return s.RunStoppable(stop)
}

// takeTyped reads the text of the text areas edited since the last frame.
func (p *calcPage) takeTyped() {
	for key, src := range p.tables.typed {
		p.text[key] = src.Get("value").String()
	}
	clear(p.tables.typed)
}
