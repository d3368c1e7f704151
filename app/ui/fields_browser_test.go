//go:build !wasm

package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ltvlab/calc"
)

// What every field shows must be what the page computes with: the text of
// the page's state, empty where it is empty. State enters a page from a
// link, a reload, a saved scenario, a scenario file, a goal-seek answer and
// a move between calculators; each is checked here against the same state
// worked out natively by the page's own code.

// wantFields is what each field of spec's page shows for the URL query q:
// the page's text of every input, and the option chosen of every select.
func wantFields(spec *pageSpec, q url.Values) map[string]string {
	p := newCalcPage(spec)
	p.load(q)
	return p.fieldTexts()
}

// shownFields reads what every field of the page shows.
func shownFields(ctx context.Context) (map[string]string, error) {
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(Object.fromEntries(
	  Array.from(document.querySelectorAll("form.calc [data-q], .whatif [data-q]")).map((e) => [e.dataset.q, e.value])))`))
	if err != nil {
		return nil, err
	}
	got := map[string]string{}
	return got, json.Unmarshal([]byte(s), &got)
}

// checkFields fails unless every field shows want, within a few frames.
func checkFields(t *testing.T, ctx context.Context, what string, want map[string]string) {
	t.Helper()
	var got map[string]string
	var err error
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if got, err = shownFields(ctx); err == nil && fmt.Sprint(got) == fmt.Sprint(want) {
			return
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	var diffs []string
	for k := range want {
		if got[k] != want[k] {
			diffs = append(diffs, fmt.Sprintf("%s shows %q, the page computes with %q", k, got[k], want[k]))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s shows %q and is not an input of the page", k, got[k]))
		}
	}
	sort.Strings(diffs)
	t.Errorf("%s:\n  %s", what, strings.Join(diffs, "\n  "))
}

func TestBrowserFieldsShowState(t *testing.T) {
	base := serveSite(t)
	ctx := newTabFor(t, 3*time.Minute)

	t.Run("links", func(t *testing.T) {
		for _, tt := range []struct {
			spec  *pageSpec
			query string
		}{
			{purchaseSpec, "years=&cac=400"},
			{purchaseSpec, "aov=&freq=&years=&cac="},
			{purchaseSpec, "churn=25&years=&gm=40&lang=fr"},
			{subscriptionSpec, "gm=&cac=&mchurn=2"},
			{subscriptionSpec, "bill=annual&achurn=20&timing=end"},
			{cohortSpec, "surv=&coh=100+60+40%0A80+50&per=month&d="},
		} {
			q, _ := url.ParseQuery(tt.query)
			if err := chromedp.Do(ctx, chromedp.Navigate(base+tt.spec.Path+"?"+tt.query), waitApp()); err != nil {
				t.Fatal(err)
			}
			checkFields(t, ctx, tt.spec.Path+"?"+tt.query, wantFields(tt.spec, q))
		}
	})

	t.Run("typing edits what is shown", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?aov="), waitApp(),
			chromedp.Focus(chromedp.ID("aov")), chromedp.SendKeys(chromedp.ID("aov"), "70")); err != nil {
			t.Fatal(err)
		}
		q, _ := url.ParseQuery("aov=70")
		checkFields(t, ctx, "typing 70 into the emptied order value", wantFields(purchaseSpec, q))
	})

	t.Run("reload", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?lang=fr&cac=100"), waitApp(), typeInto("cac", "120")); err != nil {
			t.Fatal(err)
		}
		if _, err := waitURL(ctx, "cac=120"); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Reload(), waitApp()); err != nil {
			t.Fatal(err)
		}
		q, _ := url.ParseQuery("lang=fr&cac=120")
		checkFields(t, ctx, "after reloading /?lang=fr&cac=120", wantFields(purchaseSpec, q))
	})

	t.Run("scenario file with fields missing", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "partial.json")
		doc := `{"model":"subscription","arpa_monthly":"50","monthly_churn_pct":"2"}`
		if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription?gm=80&cac=400"), waitApp(),
			chromedp.SetUploadFiles(chromedp.ID("scenario-import"), []string{file})); err != nil {
			t.Fatal(err)
		}
		s, err := parseImport([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		spec, q := stateFromScenario(s)
		q.Set("lang", "en")
		q.Set("cur", "USD")
		want := wantFields(spec, q)
		checkFields(t, ctx, "after opening "+doc, want)
		// Typing into the emptied margin field types into an empty field.
		if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("gm")), chromedp.SendKeys(chromedp.ID("gm"), "70")); err != nil {
			t.Fatal(err)
		}
		want["gm"] = "70"
		checkFields(t, ctx, "after typing 70 into the margin", want)
		// $50 x 70 % / 2 % churn = $1,750.
		if err := waitText(ctx, "ltv", "$1,750.00"); err != nil {
			t.Errorf("LTV %q, want $1,750.00", text(t, ctx, "#ltv"))
		}
	})

	t.Run("saved scenario", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?years=&churn=20&cac="), waitApp(),
			typeInto("scenario-name", "no CAC"), chromedp.Click(chromedp.ID("scenario-save"))); err != nil {
			t.Fatal(err)
		}
		if err := waitContains(ctx, "#scenario-status", "no CAC"); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, typeInto("aov", "80"), typeInto("churn", "10"), typeInto("cac", "300"),
			chromedp.Click(chromedp.ID("scenario-open-0"))); err != nil {
			t.Fatal(err)
		}
		q, _ := url.ParseQuery("years=&churn=20&cac=&lang=en&cur=USD")
		checkFields(t, ctx, "after opening the saved scenario", wantFields(purchaseSpec, q))
	})

	t.Run("goal seek", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription"), waitApp(),
			chromedp.Click(chromedp.ID("goal-churn3")), chromedp.WaitVisible(chromedp.ID("goal-apply")),
			chromedp.Click(chromedp.ID("goal-apply"))); err != nil {
			t.Fatal(err)
		}
		loc, err := waitURL(ctx, "mchurn=")
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(loc)
		if u.Query().Get("mchurn") == "5" {
			t.Fatalf("the answer was not applied: %s", loc)
		}
		checkFields(t, ctx, "after applying a goal-seek answer", wantFields(subscriptionSpec, u.Query()))
	})

	t.Run("between calculators", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription?gm=&cac=250"), waitApp(),
			chromedp.Click(chromedp.CSS(`.site-nav a[href^="/?"]`))); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.pathname === "/"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatal(err)
		}
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		u, _ := url.Parse(loc)
		checkFields(t, ctx, "after moving to the purchase calculator", wantFields(purchaseSpec, u.Query()))
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.site-nav a[href^="/cohort?"]`))); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.pathname === "/cohort"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatal(err)
		}
		loc, _ = chromedp.Run(ctx, chromedp.Location())
		u, _ = url.Parse(loc)
		checkFields(t, ctx, "after moving to the cohort calculator", wantFields(cohortSpec, u.Query()))
	})
}

// TestFieldTexts: the texts the page says its fields show are its state.
func TestFieldTexts(t *testing.T) {
	p := newCalcPage(subscriptionSpec)
	p.load(url.Values{"gm": {""}, "timing": {calc.TimingEnd}})
	got := p.fieldTexts()
	if got["gm"] != "" || got["arpa"] != "100" || got["timing"] != calc.TimingEnd || got["bill"] != calc.BillingMonthly || got["wbill"] != "unchanged" {
		t.Errorf("fieldTexts() = %v", got)
	}
	if _, ok := got["lang"]; ok {
		t.Errorf("fieldTexts() has the language menu: %v", got)
	}
}
