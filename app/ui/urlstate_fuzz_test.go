//go:build !wasm

package ui

import (
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// FuzzURLState loads an arbitrary query string into each calculator and the
// embed view, as a link or the prerender does, and checks that:
//
//   - nothing panics;
//   - the rendered page carries no markup from the URL: no attribute is
//     broken out of (go-app quotes attribute values with strconv.Quote, so a
//     value holding a quote shows as \"), no script, no event attribute;
//   - no NaN, infinity, float exponent or formatting error is shown;
//   - every input holds the URL's text exactly, and query() gives it back;
//   - loading query() again gives the same inputs, locale, errors and view.
func FuzzURLState(f *testing.F) {
	for _, q := range []string{
		"",
		"aov=80&freq=3&years=2",
		"aov=1%2C5&lang=fr&cur=EUR",
		"aov=%22%3E%3Cscript%3Ewindow.__x%3D1%3C%2Fscript%3E",
		"aov=%22+autofocus+onfocus%3D%22window.__x%3D1",
		"gm=180&years=&churn=0",
		"aov=1e400&freq=NaN&years=Infinity",
		"aov=" + strings.Repeat("9", 1000),
		"arpa=100&mchurn=0&exp=5&hz=1200&disc=1000&timing=end&bill=annual&achurn=20&abd=15",
		"mchurn=2&exp=3&wbill=annual&wchurn=-1&wprice=10",
		"surv=100+80+90",
		"surv=&coh=1000%09800%09600%0A500%09400&per=month&ren=3&hzp=1200",
		"surv=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&a=0.7&b=1.2",
		"model=subscription&arpa=200",
		"model=cohort&m=%E0%B9%95%E0%B9%90&lang=th",
		"lang=%22%3E&cur=%3Cscript%3E&model=%22",
		"aov=1&aov=2&aov",
		"%zz=1&aov=%zz;freq=3",
		"wcac=-100&wgm=-100&welast=-1000000&wprice=-100",
		"cac=&mkt=1&newc=0.0000000001&hrs=999999999999999&rate=999999999999999",
	} {
		for which := range uint8(4) {
			f.Add(q, which)
		}
	}
	f.Fuzz(func(t *testing.T, raw string, which uint8) {
		q, _ := url.ParseQuery(raw) // as (*url.URL).Query: the bad parts dropped
		p := urlStatePage(which)
		p.load(q)

		html := app.HTMLString(p)
		checkMarkup(t, "?"+raw, html)
		checkNoBadFigures(t, raw, html)

		state := p.query()
		for _, in := range p.spec.allInputs() {
			text := p.text[in.Key]
			if v, ok := q[in.Key]; ok && len(v) > 0 && text != v[0] {
				t.Fatalf("?%s: input %s holds %q, want %q", raw, in.Key, text, v[0])
			}
			if got, ok := state[in.Key]; ok && got[0] != text || !ok && (text != "" || in.Default != "") {
				t.Fatalf("?%s: query() gives %s=%q, want %q", raw, in.Key, got, text)
			}
		}

		again, err := url.ParseQuery(state.Encode())
		if err != nil {
			t.Fatalf("?%s: query() encodes as %q, which does not parse: %v", raw, state.Encode(), err)
		}
		p2 := urlStatePage(which)
		p2.load(again)
		switch {
		case p2.spec != p.spec:
			t.Fatalf("?%s: reloaded as the %s calculator, want %s", raw, p2.spec.Model, p.spec.Model)
		case !reflect.DeepEqual(p2.text, p.text):
			t.Fatalf("?%s: reloaded inputs\n%q\nwant\n%q", raw, p2.text, p.text)
		case p2.loc != p.loc:
			t.Fatalf("?%s: reloaded locale %v, want %v", raw, p2.loc, p.loc)
		case fmt.Sprint(p2.err) != fmt.Sprint(p.err) || p2.stale != p.stale:
			t.Fatalf("?%s: reloaded errors %v, want %v", raw, p2.err, p.err)
		case !sameView(p2.view, p.view):
			t.Fatalf("?%s: reloaded view %+v, want %+v", raw, p2.view, p.view)
		}
	})
}

// urlStatePage is a calculator, or the embed view for which%4 == 3.
func urlStatePage(which uint8) *calcPage {
	switch which % 4 {
	case 1:
		return newCalcPage(subscriptionSpec)
	case 2:
		return newCalcPage(cohortSpec)
	case 3:
		return newEmbedPage()
	}
	return newCalcPage(purchaseSpec)
}

// sameView compares what two result views show (the charts hold funcs,
// which reflect.DeepEqual cannot compare).
func sameView(a, b resultView) bool {
	return a.LTV == b.LTV && a.LTVDetail == b.LTVDetail && a.Verdict == b.Verdict &&
		reflect.DeepEqual(a.Rows, b.Rows) && reflect.DeepEqual(a.Compare, b.Compare) &&
		(a.Survival == nil) == (b.Survival == nil) && (a.Tornado == nil) == (b.Tornado == nil)
}

var (
	textareaBody = regexp.MustCompile(`(?s)(<textarea[^>]*>).*?</textarea>`)
	hrefValue    = regexp.MustCompile(`href="[^"]*"`)
)

// checkNoBadFigures fails when the page shows NaN, an infinity, a float
// exponent or a formatting error. The text areas (which show what was
// typed) and the links (which carry it, URL-encoded) are left out.
func checkNoBadFigures(t *testing.T, raw, html string) {
	t.Helper()
	shown := textareaBody.ReplaceAllString(html, "$1</textarea>")
	shown = hrefValue.ReplaceAllString(shown, `href=""`)
	for _, bad := range []string{"NaN", "Infinity", "+Inf", "-Inf", "e+", "E+", "%!", "<nil>", "undefined"} {
		if strings.Contains(shown, bad) {
			t.Fatalf("?%s: the page shows %q:\n%s", raw, bad, around(shown, bad))
		}
	}
}

// around is the text around the first s in html, for a failure message.
func around(html, s string) string {
	i := strings.Index(html, s)
	if i < 0 {
		return ""
	}
	return html[max(0, i-200):min(len(html), i+200)]
}
