//go:build !wasm

package ui

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/app/internal/webtest"
)

// TestEmbedViews: each calculator's embed view shows that calculator
// whatever ?model= says, with the few inputs and result rows an embed
// has; /embed still takes the model from ?model=.
func TestEmbedViews(t *testing.T) {
	tests := []struct {
		page      *calcPage
		query     string
		ltv       string
		inputs    []string
		rows      []string
		wantModel string // the model= of the page's own URL state
	}{
		// $70 x 80 % / 4 % = $1,400 (FORMULAS.md, subscription formula).
		{newEmbedPageFor(subscriptionSpec), "model=cohort&arpa=70&mchurn=4", "$1,400.00",
			[]string{"arpa", "gm", "mchurn", "cac"}, []string{"net-ltv", "ratio", "payback", "cohort-payback", "lifetime"}, ""},
		// Fader & Hardie (2007), regular segment at $100 a period, 10 %:
		// the cohort calculator's default, $325.81.
		{newEmbedPageFor(cohortSpec), "", "$325.81",
			[]string{"surv", "m", "d", "cac"}, []string{"net-ltv", "ratio", "payback", "cohort-payback", "naive"}, ""},
		// $200 x 80 % / 4 % = $4,000.
		{newEmbedPage(), "model=subscription&arpa=200&gm=80&mchurn=4", "$4,000.00",
			[]string{"arpa", "gm", "mchurn", "cac"}, []string{"net-ltv", "ratio", "payback", "cohort-payback", "lifetime"}, "subscription"},
		// 2 x $50 x 3 years = $300.
		{newEmbedPage(), "", "$300.00",
			[]string{"aov", "freq", "years", "cac"}, []string{"net-ltv", "ratio", "payback", "cohort-payback", "lifetime"}, "purchase"},
	}
	inputID := regexp.MustCompile(`<(?:input|textarea)[^>]* id="([a-z]+)"`)
	rowID := regexp.MustCompile(`<dd[^>]* id="([a-z-]+)"`)
	for _, tt := range tests {
		t.Run(tt.page.spec.Model+" "+tt.query, func(t *testing.T) {
			q, _ := url.ParseQuery(tt.query)
			tt.page.load(q)
			html := app.HTMLString(tt.page)
			if !strings.Contains(html, ">"+tt.ltv+"</output>") {
				t.Errorf("embed lacks %s:\n%s", tt.ltv, html)
			}
			var inputs, rows []string
			for _, m := range inputID.FindAllStringSubmatch(html, -1) {
				inputs = append(inputs, m[1])
			}
			for _, m := range rowID.FindAllStringSubmatch(html, -1) {
				if !strings.HasSuffix(m[1], "-note") { // a row's note is a dd of its own
					rows = append(rows, m[1])
				}
			}
			if !slices.Equal(inputs, tt.inputs) || !slices.Equal(rows, tt.rows) {
				t.Errorf("inputs %v, rows %v; want %v, %v", inputs, rows, tt.inputs, tt.rows)
			}
			if !strings.Contains(html, `data-model="`+tt.page.spec.Model+`"`) {
				t.Error("the embed does not say its model (web/page.js reads it)")
			}
			if got := tt.page.query().Get("model"); got != tt.wantModel {
				t.Errorf("URL state model=%q, want %q", got, tt.wantModel)
			}
			if strings.Contains(html, "site-nav") {
				t.Error("embed shows the site navigation")
			}
			if !strings.Contains(html, `href="`+tt.page.spec.Path) || !strings.Contains(html, `target="_blank"`) {
				t.Error("embed lacks the link to the full calculator with the same state")
			}
		})
	}
}

// TestEmbedPrerender: each embed view is prerendered with its own
// calculator.
func TestEmbedPrerender(t *testing.T) {
	h := prerenderer()
	for target, want := range map[string]string{
		"/embed":                       ">$300.00</output>",
		"/embed/subscription":          ">$1,600.00</output>",
		"/embed/cohort":                ">$325.81</output>",
		"/embed/subscription?arpa=200": ">$3,200.00</output>",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		b, _ := io.ReadAll(rec.Body)
		if rec.Code != http.StatusOK || !strings.Contains(string(b), want) || !strings.Contains(string(b), `class="embed"`) {
			t.Errorf("prerendered %s: %d, lacks the embed with %s", target, rec.Code, want)
		}
	}
}

func TestPageForPath(t *testing.T) {
	for path, want := range map[string]string{
		"/": "page purchase", "/subscription": "page subscription", "/cohort": "page cohort",
		"/embed": "embed purchase", "/embed/subscription": "embed subscription", "/embed/cohort": "embed cohort",
		"/nope": "page purchase",
	} {
		p := pageForPath(path).(*calcPage)
		got := "page " + p.spec.Model
		if p.embed {
			got = "embed " + p.spec.Model
		}
		if got != want {
			t.Errorf("pageForPath(%q) = %s, want %s", path, got, want)
		}
	}
}

// TestSnippet: the snippet is a block holding the iframe of the
// calculator's embed view, without model=; the link inside the iframe is
// what stays where WordPress filters the HTML (kses drops the iframe tag
// and its attributes, and keeps what it holds).
func TestSnippet(t *testing.T) {
	d := shareDialog{Origin: "https://ltv.example", Path: "/subscription", Model: "subscription", Loc: locale{Lang: "fr", Currency: "EUR"},
		Query: url.Values{"arpa": {"70"}, "lang": {"fr"}}}
	tags := webtest.HTMLTags(d.snippet())
	if len(tags) != 3 || tags[0].Name != "div" || tags[1].Name != "iframe" || tags[2].Name != "a" {
		t.Fatalf("snippet is not a div, an iframe and a link:\n%s", d.snippet())
	}
	attrs := map[string]string{}
	for _, a := range tags[1].Attrs {
		attrs[a[0]] = a[1]
	}
	if attrs["src"] != "https://ltv.example/embed/subscription?arpa=70&amp;lang=fr" {
		t.Errorf("iframe src %q", attrs["src"])
	}
	if attrs["onload"] != escapeHTML(snippetOnload) || !strings.HasPrefix(attrs["sandbox"], "allow-scripts") {
		t.Errorf("iframe onload %q, sandbox %q", attrs["onload"], attrs["sandbox"])
	}
	if tags[2].Attrs[0][1] != "https://ltv.example/subscription?arpa=70&amp;lang=fr" {
		t.Errorf("the link inside the iframe is %q", tags[2].Attrs[0][1])
	}
	if title := catalog("fr")["Subscription LTV"] + " · LTV Lab"; attrs["title"] != escapeHTML(title) || !strings.Contains(d.snippet(), ">"+escapeHTML(title)+"</a>") {
		t.Errorf("snippet's title %q, want %q", attrs["title"], title)
	}
	// What kses leaves of it for an Author: the tags it does not allow
	// go, their content stays.
	kept := regexp.MustCompile(`</?(?:iframe)[^>]*>`).ReplaceAllString(d.snippet(), "")
	if strings.Contains(kept, "addEventListener") || !strings.Contains(kept, `<a href="https://ltv.example/subscription?`) {
		t.Errorf("filtered as for an Author, the snippet leaves:\n%s", kept)
	}
}

func TestCalculatorNames(t *testing.T) {
	names := CalculatorNames()
	if names["subscription"]["en"] != "Subscription LTV" || names["cohort"]["th"] != catalog("th")["Cohort retention and LTV"] || names["purchase"]["fr"] == "" {
		t.Errorf("CalculatorNames = %v", names)
	}
}
