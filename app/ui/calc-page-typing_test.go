//go:build !wasm

package ui

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageFor is a calculator with the inputs of a URL query.
func pageFor(t *testing.T, spec *pageSpec, query string) *calcPage {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	p := newCalcPage(spec)
	p.load(q)
	return p
}

// TestPanelTexts: each text that showResult writes ahead of the frame is
// where it says, in the result panel or the phone's result bar as the page
// renders them.
func TestPanelTexts(t *testing.T) {
	for _, tt := range []struct {
		spec  *pageSpec
		query string
	}{
		{purchaseSpec, "cac=120"},
		{purchaseSpec, "cac=&gm=40"},
		{subscriptionSpec, "mkt=1000&newc=4"},
		{cohortSpec, ""},
	} {
		p := pageFor(t, tt.spec, tt.query)
		panel := app.HTMLString(p.results()) + app.HTMLString(p.resultBar())
		for _, pt := range p.view.panelTexts() {
			start := strings.Index(panel, ` id="`+pt.ID+`"`)
			if start < 0 {
				t.Errorf("%s?%s: no element %s in the panel", tt.spec.Model, tt.query, pt.ID)
				continue
			}
			el := panel[strings.LastIndex(panel[:start], "<"):]
			want := html.EscapeString(pt.Text)
			var got string
			switch pt.Part {
			case partOwn:
				got = textAfter(el, 0)
			case partFigure:
				got = textAfter(el, strings.Index(el, `class="result-figure"`))
			case partClass:
				tag := el[:strings.Index(el, ">")]
				if strings.Contains(tag, ` class="`+want+`"`) {
					got = want
				}
			}
			if got != want {
				t.Errorf("%s?%s: %s part %d shows %q, want %q", tt.spec.Model, tt.query, pt.ID, pt.Part, got, want)
			}
		}
	}
}

// textAfter is the text of the element whose opening tag is at or after i.
func textAfter(s string, i int) string {
	if i < 0 {
		return "(none)"
	}
	s = s[i:]
	s = s[strings.Index(s, ">")+1:]
	return strings.TrimSpace(s[:strings.Index(s, "<")])
}

// TestPanelLayout: two results differ in layout exactly when showResult
// cannot write one over the other.
func TestPanelLayout(t *testing.T) {
	layout := func(spec *pageSpec, query string) string {
		p := pageFor(t, spec, query)
		return p.view.panelLayout(p.stale)
	}
	base := layout(purchaseSpec, "cac=120&aov=50")
	for _, tt := range []struct {
		query string
		same  bool
	}{
		{"cac=120&aov=503", true}, // 2.5x to 25x: the verdict's colour is a text
		{"cac=120&aov=x", false},  // out of date
		{"cac=", false},           // no CAC rows
		{"cac=120&gm=40", true},
	} {
		if got := layout(purchaseSpec, tt.query) == base; got != tt.same {
			t.Errorf("layout of ?%s same as ?cac=120&aov=50: %v, want %v", tt.query, got, tt.same)
		}
	}
}
