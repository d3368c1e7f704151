//go:build !wasm

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ltvlab/app/internal/orderdata"
	"ltvlab/app/internal/webtest"
)

// TestBrowserNavigateThenUse: after moving between calculators inside the
// app (the same page component, other inputs), every select, text area and
// goal-seek button acts for the calculator on screen, not for the element
// that stood in its place on the calculator before.
func TestBrowserNavigateThenUse(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?cac=120"), waitApp()); err != nil {
		t.Fatal(err)
	}
	// To the subscription calculator through the navigation.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav a[href^="/subscription"]`)),
		chromedp.WaitVisible(chromedp.ID("timing"))); err != nil {
		t.Fatal(err)
	}
	// Cash timing: the select must record "timing", nothing else.
	if err := chromedp.Do(ctx, chooseOption("timing", "end")); err != nil {
		t.Fatal(err)
	}
	if loc, err := waitURL(ctx, "timing=end"); err != nil {
		t.Fatalf("URL %s after choosing end-of-month payments, want timing=end", loc)
	}
	// The first goal button is "What churn gives 3x?" here.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("goal-churn3"))); err != nil {
		t.Fatal(err)
	}
	answer, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const a = document.getElementById("goal-answer"); return a && a.textContent; })()`,
		chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.ToLower(answer), "churn") {
		t.Errorf("What churn gives 3x? answered %q", answer)
	}
	// To the cohort calculator: its period select and survival text area.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav a[href^="/cohort"]`)),
		chromedp.WaitVisible(chromedp.ID("per"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chooseOption("per", "month")); err != nil {
		t.Fatal(err)
	}
	if loc, err := waitURL(ctx, "per=month"); err != nil {
		t.Fatalf("URL %s after choosing monthly periods, want per=month", loc)
	}
}

// TestBrowserSavedScenarioAfterDelete: once a saved scenario is deleted, the
// buttons of the one that takes its place in the list act for that one.
func TestBrowserSavedScenarioAfterDelete(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription"), waitApp()); err != nil {
		t.Fatal(err)
	}
	// $250 and $300 at 80 % and 5 % churn: $4,000 and $4,800; the newest
	// is listed first.
	for _, plan := range []struct{ arpa, name string }{{"250", "Plan A"}, {"300", "Plan B"}} {
		if err := chromedp.Do(ctx, typeInto("arpa", plan.arpa), typeInto("scenario-name", plan.name), chromedp.Click(chromedp.ID("scenario-save"))); err != nil {
			t.Fatal(err)
		}
		if err := waitText(ctx, "scenario-status", "Saved “"+plan.name+"”."); err != nil {
			t.Fatalf("status %q after saving %s", text(t, ctx, "#scenario-status"), plan.name)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-delete-0")), chromedp.WaitVisible(chromedp.ID("scenario-confirm-0")),
		chromedp.Click(chromedp.ID("scenario-confirm-0"))); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "scenario-status", "Deleted “Plan B”."); err != nil {
		t.Fatalf("status %q after deleting Plan B", text(t, ctx, "#scenario-status"))
	}
	if err := waitText(ctx, "scenario-name-0", "Plan A"); err != nil {
		t.Fatalf("first scenario %q, want Plan A", text(t, ctx, "#scenario-name-0"))
	}
	if err := chromedp.Do(ctx, typeInto("arpa", "100"), chromedp.Click(chromedp.ID("scenario-open-0"))); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "scenario-status", "Opened “Plan A”."); err != nil {
		t.Fatalf("status %q after opening the first scenario, want Plan A opened", text(t, ctx, "#scenario-status"))
	}
	if err := waitText(ctx, "ltv", "$4,000.00"); err != nil {
		t.Errorf("LTV %q after opening Plan A, want $4,000.00", text(t, ctx, "#ltv"))
	}
}

// TestBrowserNavigateAcrossBuilds: the order file page runs orders.wasm and
// the calculators app.wasm (routes.go). The navigation's links between
// them load the other page with its own build, in both directions, and it
// works there; a link between two calculators stays within the page.
func TestBrowserNavigateAcrossBuilds(t *testing.T) {
	base := serveSite(t)
	ctx := newTabFor(t, 90*time.Second)
	// wasmLoaded is the name of the build the page runs, "app" or "orders".
	const wasmLoaded = `(window.ltvWasm || "").replace(/^.*\//, "").split(".")[0]`
	const mark = `window.ltvTestSameDocument = true`
	const sameDocument = `window.ltvTestSameDocument === true`
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?lang=fr"), waitApp(), chromedp.Evaluate[chromedp.Void](mark)); err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](wasmLoaded)); got != "app" {
		t.Errorf("the purchase calculator loaded %q, want app", got)
	}
	// Within the calculators: the same document.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav a[href^="/subscription"]`)), chromedp.WaitVisible(chromedp.ID("arpa"))); err != nil {
		t.Fatal(err)
	}
	if same, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](sameDocument)); !same {
		t.Error("going from one calculator to another loaded a new page")
	}
	// To the order file page: a new page, with orders.wasm, in French still.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav a[href^="/transactions"]`))); err != nil {
		t.Fatal(err)
	}
	if err := webtest.PollJS(ctx, `location.pathname === "/transactions" && document.documentElement.dataset.app === "ready" && !!document.getElementById("tx-file")`, 60*time.Second); err != nil {
		t.Fatalf("the order file page's app did not run after its link: %v", err)
	}
	if same, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](sameDocument)); same {
		t.Error("the order file page was rendered in the calculators' page: it runs another build")
	}
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](wasmLoaded)); got != "orders" {
		t.Errorf("the order file page loaded %q, want orders", got)
	}
	if lang, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); !strings.HasPrefix(lang, "fr") {
		t.Errorf("the order file page is in %q after a link from a French page, want fr", lang)
	}
	// It works: a file of orders is fitted, by the order worker.
	orders := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(orders, orderdata.Simulate(300, orderdata.Small, 2), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](mark), chromedp.SetUploadFiles(`#tx-file`, []string{orders})); err != nil {
		t.Fatal(err)
	}
	if err := webtest.PollJS(ctx, `(document.getElementById("tx-total") || {}).textContent > ""`, 60*time.Second); err != nil {
		t.Fatalf("the orders were not fitted: %v (status %q)", err, textContent(t, ctx, "#tx-status"))
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.ltvOrderWorkerJobs || 0`)); n != 1 {
		t.Errorf("%d fits by the order worker, want 1", n)
	}
	// Back to the cohort calculator: a new page, with app.wasm, that computes.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav a[href^="/cohort"]`))); err != nil {
		t.Fatal(err)
	}
	if err := webtest.PollJS(ctx, `location.pathname === "/cohort" && document.documentElement.dataset.app === "ready" && !!document.getElementById("surv")`, 60*time.Second); err != nil {
		t.Fatalf("the cohort calculator's app did not run after its link: %v", err)
	}
	if same, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](sameDocument)); same {
		t.Error("the cohort calculator was rendered in the order file page: it runs another build")
	}
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](wasmLoaded)); got != "app" {
		t.Errorf("the cohort calculator loaded %q, want app", got)
	}
	// The browser's back button returns to the order file page, which runs.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`history.back()`)); err != nil {
		t.Fatal(err)
	}
	if err := webtest.PollJS(ctx, `location.pathname === "/transactions" && document.documentElement.dataset.app === "ready" && !!document.getElementById("tx-file")`, 60*time.Second); err != nil {
		t.Fatalf("back to the order file page: %v", err)
	}
}
