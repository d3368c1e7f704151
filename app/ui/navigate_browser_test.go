//go:build !wasm

package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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
