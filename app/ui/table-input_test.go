//go:build !wasm

package ui

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// mountedPage is a calculator that the tests' engine mounts as the
// browser does: go-app calls OnMount in the browser only, and OnPreRender
// natively only.
type mountedPage struct{ *calcPage }

func (m *mountedPage) OnPreRender(ctx app.Context) { m.ctx, m.mounted = ctx, true }

func tableReadCount(what string) int {
	tableReads.Lock()
	defer tableReads.Unlock()
	return tableReads.count[what]
}

// TestTableEditsReadOnce: a paste by script fires an input event per line
// (execCommand("insertText") of 100 rows: 199 events). On the mounted page
// each event only keeps the text; the tables are read once, in the next
// frame, and the page then shows the figures of the whole paste.
func TestTableEditsReadOnce(t *testing.T) {
	p := newCalcPage(cohortSpec)
	e := app.NewTestEngine()
	if err := e.Load(&mountedPage{p}); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	if !p.mounted {
		t.Fatal("the page is not mounted")
	}
	before, started := p.view.LTV, tableReadCount("start")
	text, _ := cohortTable(100, 12)
	p.setText(app.Context{}, "surv", "")
	typed := ""
	for _, line := range strings.SplitAfter(text, "\n") {
		typed += line
		p.setText(app.Context{}, "coh", typed)
		if p.view.LTV != before || p.err != nil {
			t.Fatalf("after %d bytes the page computed at once: LTV %s (was %s), %v", len(typed), p.view.LTV, before, p.err)
		}
	}
	if !p.urlDue {
		t.Error("the URL is not due to carry the paste")
	}
	e.ConsumeAll()
	if n := tableReadCount("start") - started; n != 1 {
		t.Errorf("%d reads of the tables, want 1", n)
	}
	want := newCalcPage(cohortSpec)
	want.load(url.Values{"surv": {""}, "coh": {text}})
	if p.view.LTV != want.view.LTV || p.err != nil || want.err != nil {
		t.Errorf("after the paste: LTV %s (%v), want %s (%v)", p.view.LTV, p.err, want.view.LTV, want.err)
	}
	// During a read, a figure elsewhere waits for the read's end.
	p.setText(app.Context{}, "coh", text+"800 700\n")
	p.setText(app.Context{}, "m", "150")
	if p.view.LTV != want.view.LTV {
		t.Errorf("during a read the margin computed at once: LTV %s", p.view.LTV)
	}
	e.ConsumeAll()
	want.load(url.Values{"coh": {text + "800 700\n"}, "m": {"150"}})
	if p.view.LTV != want.view.LTV || p.err != nil {
		t.Errorf("after the read: LTV %s (%v), want %s", p.view.LTV, p.err, want.view.LTV)
	}
	// A figure elsewhere computes at once, as always.
	p.setText(app.Context{}, "m", "200")
	if p.text["m"] != "200" || p.view.LTV == want.view.LTV {
		t.Errorf("the margin changed: LTV still %s", p.view.LTV)
	}
}

// TestStopWhenEdited: a read stops once the tables are edited again.
func TestStopWhenEdited(t *testing.T) {
	p := newCalcPage(cohortSpec)
	stop := p.stopWhenEdited(p.tables.edits.Load())
	if stop() {
		t.Fatal("a read stops with no edit")
	}
	p.tables.edits.Add(1)
	if !stop() {
		t.Error("a read goes on after an edit")
	}
	rows, _ := cohortTable(200, 50)
	snap := newCalcPage(cohortSpec)
	snap.text["coh"] = rows
	if _, ok := tableFor(rows, defaultLocale, stop); ok {
		t.Error("tableFor went on after an edit")
	}
	if _, err := runStoppable(calc.Scenario{Model: calc.ModelCohort, Cohorts: parseTable(rows), MarginPerPeriod: "1"}, calc.Changes{}, stop); err != calc.ErrStopped {
		t.Errorf("runStoppable after an edit: %v, want calc.ErrStopped", err)
	}
}

// TestOpenLargeScenario: a saved scenario or a file with a large table is
// read beside the page, then opened with the figures of the whole table;
// a small one opens at once.
func TestOpenLargeScenario(t *testing.T) {
	p := newCalcPage(cohortSpec)
	e := app.NewTestEngine()
	if err := e.Load(&mountedPage{p}); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	rows, _ := cohortTable(400, 30)
	s := calc.Scenario{Model: calc.ModelCohort, Cohorts: parseTable(rows), Period: calc.PeriodMonth, MarginPerPeriod: "80", DiscountRatePct: "1"}
	done := tableReadCount("done")
	p.openScenario(app.Context{}, s)
	if p.text["m"] == "80" {
		t.Fatal("a large scenario opened before its tables were read")
	}
	e.ConsumeAll()
	if tableReadCount("done") != done+1 {
		t.Errorf("the tables were not read beside the page")
	}
	want, err := evaluate(s, calc.Changes{}, p.loc)
	if err != nil {
		t.Fatal(err)
	}
	if p.text["m"] != "80" || p.view.LTV != want.LTV || p.err != nil {
		t.Errorf("opened: margin %q, LTV %s (%v); want 80, %s", p.text["m"], p.view.LTV, p.err, want.LTV)
	}
	// Then a figure computes at once.
	p.setText(app.Context{}, "m", "90")
	if p.view.LTV == want.LTV {
		t.Errorf("after the open, the margin does not compute: LTV %s", p.view.LTV)
	}
}
