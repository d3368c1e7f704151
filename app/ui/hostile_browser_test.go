//go:build !wasm

package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ltvlab/app/internal/webtest"
	"ltvlab/calc"
)

// hostileStep is what the page shows once an input has been pasted into a
// field: hostileStepJS waits for the expected message and reports the rest.
type hostileStep struct {
	Reached bool              // the expected messages showed within the time limit
	Errors  map[string]string // the field messages shown, by element id
	Value   string            // the field's text
	Values  map[string]string // the text of every input, by id
	Body    string            // the page's visible text
	Ready   bool              // the app still runs
	LTV     string            // the lifetime value shown
}

// hostileStepJS pastes text into the input id (one edit, as a paste does)
// and waits until the page shows exactly the messages want ({errID:
// text}), then reports the page.
const hostileStepJS = `(async (id, text, want) => {
	const el = document.getElementById(id);
	el.focus();
	el.select();
	if (text === "") document.execCommand("delete"); else document.execCommand("insertText", false, text);
	const errors = () => Object.fromEntries(Array.from(document.querySelectorAll(".field-error")).map(e => [e.id, e.textContent]));
	const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
	const end = performance.now() + 5000;
	let reached = false;
	while (!(reached = same(errors(), want)) && performance.now() < end) await new Promise(r => setTimeout(r, 4));
	return {
		Reached: reached, Errors: errors(), Value: el.value,
		Values: Object.fromEntries(Array.from(document.querySelectorAll(".field-input")).map(e => [e.id, e.value])),
		Body: document.body.innerText, Ready: document.documentElement.dataset.app === "ready",
		LTV: document.getElementById("ltv").textContent,
	};
})`

// expectedMessages is what the page shows for text in the input key, in
// lang: the message under each input, by element id, as the page words it.
func expectedMessages(spec *pageSpec, key, text, lang string) map[string]string {
	msgs, _ := expectedPage(spec, key, text, lang)
	return msgs
}

// expectedPage is what the page shows natively for text in the input key,
// in lang: the messages, as expectedMessages, and the lifetime value.
func expectedPage(spec *pageSpec, key, text, lang string) (msgs map[string]string, ltv string) {
	p := newCalcPage(spec)
	p.load(url.Values{key: {text}, "lang": {lang}})
	msgs = map[string]string{}
	for _, in := range spec.allInputs() {
		if m := p.errorMessage(in); m != "" {
			msgs[in.Key+"-error"] = m
		}
	}
	return msgs, p.view.LTV
}

// TestBrowserHostileInputs pastes every row of the hostile-input table into
// a few fields of the three calculators in Chromium, in the row's language:
// the message the page words natively shows under the field the table
// names and nowhere else, the typed text stays, no other input changes, no
// NaN, Infinity or undefined reaches the page, and the app keeps running.
// One tab per calculator, in parallel. Each step waits until the
// page shows the step's messages, so consecutive steps must look different:
// the rows go in an order that alternates what they show where it can, and
// a sentinel text goes in between where it cannot.
func TestBrowserHostileInputs(t *testing.T) {
	base := serveSite(t)
	rows := webtest.LoadHostileRows(t)
	for _, c := range []struct {
		spec   *pageSpec
		fields []string
	}{
		{purchaseSpec, []string{calc.FieldAverageOrderValue}},
		{subscriptionSpec, []string{calc.FieldMonthlyExpansionPct}},
		{cohortSpec, []string{calc.FieldCustomers}},
	} {
		t.Run(c.spec.Model, func(t *testing.T) {
			t.Parallel()
			// About a hundred edits, each a recompute and a render: give a
			// loaded machine time.
			ctx := newTabFor(t, 4*time.Minute)
			if err := chromedp.Do(ctx, chromedp.Navigate(base+c.spec.Path+"?lang=en"), waitApp()); err != nil {
				t.Fatalf("loading %s: %v", c.spec.Path, err)
			}
			values, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](
				`Object.fromEntries(Array.from(document.querySelectorAll(".field-input")).map(e => [e.id, e.value]))`))
			if err != nil {
				t.Fatal(err)
			}
			lang, shown := "en", map[string]string(nil) // shown: the messages on screen, nil when unknown
			step := func(what, key, text string, want map[string]string) hostileStep {
				t.Helper()
				if shown == nil || sameMessages(shown, want) {
					// A sentinel that looks different first: a valid figure
					// before an error, a word before a valid figure.
					sentinel := "1"
					if len(want) == 0 {
						sentinel = "x"
					}
					if _, err := pasteStep(ctx, key, sentinel, expectedMessages(c.spec, key, sentinel, lang)); err != nil {
						t.Fatal(err)
					}
				}
				got, err := pasteStep(ctx, key, text, want)
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				shown = got.Errors
				// An input drops line breaks; nothing else may change.
				typed := strings.NewReplacer("\r", "", "\n", "").Replace(text)
				values[key] = typed
				checkHostileStep(t, what, got, want, values, typed)
				return got
			}
			for _, field := range c.fields {
				key := inputFor(t, c.spec, field).Key
				for _, r := range hostileOrder(c.spec, key, rows) {
					if r.row.Language() != lang {
						if err := switchLanguage(ctx, r.row.Language()); err != nil {
							t.Fatalf("switching to %s: %v", r.row.Language(), err)
						}
						lang, shown = r.row.Language(), nil
					}
					what := fmt.Sprintf("%s %s = %s (%s, %s)", c.spec.Path, key, r.row.Short(), lang, r.row.Name)
					got := step(what, key, r.row.Input(), r.want)
					// A valid figure gives the prerender's result (the Go and
					// Intl formats agree in English).
					if len(r.want) == 0 && lang == "en" && got.LTV != r.ltv {
						t.Errorf("%s: LTV %q, want %q", what, got.LTV, r.ltv)
					}
					if t.Failed() {
						return // one broken row would make every later one fail
					}
				}
				// Back to the default, so that the next field starts from it.
				def := inputFor(t, c.spec, field).Default
				step(fmt.Sprintf("%s %s back to %q", c.spec.Path, key, def), key, def, expectedMessages(c.spec, key, def, lang))
			}
		})
	}
}

// hostileStepPlan is one row to paste and the messages it should show.
type hostileStepPlan struct {
	row  webtest.HostileRow
	want map[string]string // messages, as expectedMessages
	ltv  string            // the lifetime value when the row is valid
}

// hostileOrder orders the rows by language and, within one language, so
// that two consecutive rows show different messages wherever it can.
func hostileOrder(spec *pageSpec, key string, rows []webtest.HostileRow) []hostileStepPlan {
	byLang := map[string][]hostileStepPlan{}
	var langs []string
	for _, r := range rows {
		if _, ok := byLang[r.Language()]; !ok {
			langs = append(langs, r.Language())
		}
		msgs, ltv := expectedPage(spec, key, r.Input(), r.Language())
		byLang[r.Language()] = append(byLang[r.Language()], hostileStepPlan{r, msgs, ltv})
	}
	var out []hostileStepPlan
	for _, l := range langs {
		left := byLang[l]
		var last map[string]string
		for len(left) > 0 {
			i := 0
			for j, p := range left {
				if last == nil || !sameMessages(p.want, last) {
					i = j
					break
				}
			}
			out = append(out, left[i])
			last = left[i].want
			left = append(left[:i:i], left[i+1:]...)
		}
	}
	return out
}

// pasteStep runs hostileStepJS.
func pasteStep(ctx context.Context, id, text string, want map[string]string) (hostileStep, error) {
	if want == nil {
		want = map[string]string{}
	}
	expr := hostileStepJS + `(` + jsString(id) + `, ` + jsString(text) + `, ` + jsValue(want) + `)`
	return chromedp.Run(ctx, chromedp.Evaluate[hostileStep](expr, chromedp.EvalAwaitPromise))
}

func checkHostileStep(t *testing.T, what string, got hostileStep, want, values map[string]string, typed string) {
	t.Helper()
	if !got.Reached {
		t.Errorf("%s: messages %q, want %q", what, got.Errors, want)
	}
	if got.Value != typed {
		t.Errorf("%s: the field holds %q, want the typed text kept", what, clipText(got.Value))
	}
	for id, v := range values {
		if got.Values[id] != v {
			t.Errorf("%s: input %s changed to %q, want %q", what, id, clipText(got.Values[id]), clipText(v))
		}
	}
	for _, bad := range []string{"NaN", "Infinity", "undefined", "<script", "onerror"} {
		if strings.Contains(got.Body, bad) {
			t.Errorf("%s: the page shows %q", what, bad)
		}
	}
	if !got.Ready {
		t.Errorf("%s: the app stopped", what)
	}
}

// switchLanguage picks a language in the page's menu and waits for the
// page to take it.
func switchLanguage(ctx context.Context, lang string) error {
	tag := locale{Lang: lang}.tag()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("lang"); s.value = `+
		jsString(lang)+`; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)); err != nil {
		return err
	}
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.documentElement.lang === `+jsString(tag), chromedp.WithPollingTimeout(5*time.Second)))
	return err
}

func sameMessages(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// jsValue is v as a JavaScript literal.
func jsValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestBrowserExtremeFigures loads the largest and smallest valid figures
// into each calculator, in English and French: the browser's Intl formats
// show every figure (no NaN, Infinity, exponent or undefined) and, in
// English, the same LTV as the Go formats.
func TestBrowserExtremeFigures(t *testing.T) {
	base := serveSite(t)
	ctx := newTabFor(t, 2*time.Minute)
	const most, least = "999999999999999", "0.0000000001"
	pages := []struct {
		spec  *pageSpec
		query url.Values
	}{
		{purchaseSpec, url.Values{"aov": {most}, "freq": {most}, "years": {most}, "gm": {least}, "cac": {least}, "wprice": {"1000"}, "welast": {"-1000"}}},
		{purchaseSpec, url.Values{"aov": {least}, "freq": {least}, "years": {least}, "cac": {most}, "wcac": {"-100"}}},
		{subscriptionSpec, url.Values{"arpa": {most}, "mchurn": {least}, "exp": {"100"}, "hz": {"1200"}, "cac": {least}, "wchurn": {"-" + least}}},
		{subscriptionSpec, url.Values{"arpa": {least}, "mchurn": {"100"}, "disc": {"1000"}, "cac": {most}, "bill": {calc.BillingAnnual}, "achurn": {least}, "abd": {"100"}}},
		{cohortSpec, url.Values{"surv": {""}, "a": {least}, "b": {"1000000"}, "m": {most}, "d": {least}, "hzp": {"1200"}, "ren": {"1200"}, "cac": {least}}},
		{cohortSpec, url.Values{"surv": {""}, "coh": {most + " 1 0\n3 2 1"}, "m": {least}, "d": {"1000"}, "cac": {most}}},
	}
	for _, lang := range []string{"en", "fr"} {
		for _, pg := range pages {
			q := url.Values{"lang": {lang}}
			for k, v := range pg.query {
				q[k] = v
			}
			target := pg.spec.Path + "?" + q.Encode()
			if err := chromedp.Do(ctx, chromedp.Navigate(base+target), waitApp()); err != nil {
				t.Fatalf("%s: %v", target, err)
			}
			// The visible text, and the markup for the charts' SVG.
			body, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText + document.body.innerHTML`))
			if err != nil {
				t.Fatal(err)
			}
			for _, bad := range []string{"NaN", "Infinity", "∞", "e+", "E+", "undefined"} {
				if strings.Contains(body, bad) {
					t.Errorf("%s shows %q", target, bad)
				}
			}
			p := newCalcPage(pg.spec)
			p.load(q)
			if p.err != nil {
				t.Errorf("%s: %v", target, p.err)
			}
			if lang == "en" {
				if got := text(t, ctx, "#ltv"); got != p.view.LTV {
					t.Errorf("%s: LTV %q, want %q as the Go formats show it", target, got, p.view.LTV)
				}
			}
		}
	}
}
