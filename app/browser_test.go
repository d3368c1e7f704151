//go:build !wasm

package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// typeInto replaces the text of an input by typing keys, as a person would.
func typeInto(id, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Focus(chromedp.ID(id)),
		chromedp.Evaluate[chromedp.Void](`document.getElementById(`+jsString(id)+`).select()`),
		chromedp.SendKeys(chromedp.ID(id), text),
	)
}

// waitText waits until the element with id shows want.
func waitText(ctx context.Context, id, want string) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`document.getElementById(`+jsString(id)+`).textContent === `+jsString(want),
		chromedp.WithPollingTimeout(5*time.Second)))
	return err
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func TestBrowserPurchase(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), waitApp()); err != nil {
		t.Fatalf("loading the app: %v", err)
	}
	// The seeds' example: 2 purchases a year x $50 x 3 years.
	if got := text("#ltv"); got != "$300.00" {
		t.Errorf("default LTV = %q, want $300.00", got)
	}

	// Typing recomputes on every keystroke: 80 x 2 x 3 = 480.
	if err := chromedp.Do(ctx, typeInto("aov", "80")); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$480.00"); err != nil {
		t.Fatalf("after typing 80: LTV = %q, want $480.00 (%v)", text("#ltv"), err)
	}
	if err := chromedp.Do(ctx, typeInto("years", "2.5")); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$400.00"); err != nil {
		t.Fatalf("after typing 2.5 years: LTV = %q, want $400.00 (%v)", text("#ltv"), err)
	}

	// Bad input: a message by the field, the typed text kept, the last valid
	// result kept and marked out of date.
	if err := chromedp.Do(ctx, typeInto("freq", "two")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("freq-error"))); err != nil {
		t.Fatal(err)
	}
	if got := text("#freq-error"); got != "not a number" {
		t.Errorf("error under purchases per year = %q, want %q", got, "not a number")
	}
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("freq"))); got != "two" {
		t.Errorf("typed text became %q, want it kept as \"two\"", got)
	}
	if got := text("#ltv"); got != "$400.00" {
		t.Errorf("LTV during bad input = %q, want the last valid $400.00", got)
	}
	if got := text("#stale-note"); !strings.Contains(got, "Out of date") {
		t.Errorf("no out-of-date note, got %q", got)
	}

	// The URL carries the state, so a reload shows the same figures.
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "aov=80") || !strings.Contains(loc, "years=2.5") {
		t.Errorf("URL %s does not carry the inputs", loc)
	}
	if err := chromedp.Do(ctx, typeInto("freq", "3")); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$600.00"); err != nil {
		t.Fatalf("after typing 3: LTV = %q, want $600.00", text("#ltv"))
	}
	loc, _ = chromedp.Run(ctx, chromedp.Location())
	if err := chromedp.Do(ctx, chromedp.Navigate(loc), waitApp()); err != nil {
		t.Fatal(err)
	}
	if got := text("#ltv"); got != "$600.00" {
		t.Errorf("after reloading %s: LTV = %q, want $600.00", loc, got)
	}
}
