//go:build !wasm

package ui

import (
	"html"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// pageState is one state of a page, made from a URL query and, when set,
// changed further by do.
type pageState struct {
	name  string
	spec  *pageSpec
	embed bool
	query string
	do    func(p *calcPage)
}

// pageStates are the states a visitor can bring a page to: every
// calculator and embed with its defaults, what-if levers set, bad figures,
// a goal-seek answer, the Share dialog open.
func pageStates() []pageState {
	var out []pageState
	for _, spec := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		out = append(out,
			pageState{name: "defaults", spec: spec},
			pageState{name: "levers", spec: spec, query: "wchurn=-1&wprice=10&wcac=-20&wgm=5&welast=-0.5&wbill=annual"},
			pageState{name: "bad figures", spec: spec, query: "aov=x&arpa=-1&surv=100+120&cac=abc&wcac=zz&mkt=1&newc=0"},
			pageState{name: "CAC parts", spec: spec, query: "cac=&mkt=1000&hrs=2&rate=30&newc=10"},
			pageState{name: "goal", spec: spec, do: func(p *calcPage) { p.seek(p.spec.Goals[0]) }},
			pageState{name: "share", spec: spec, do: func(p *calcPage) { p.sharing = true }},
			pageState{name: "embed", spec: spec, embed: true},
		)
	}
	return append(out,
		pageState{name: "never paid back", spec: subscriptionSpec, query: "cac=100000&exp=1&disc=10&hz=24&timing=end&bill=annual&achurn=30"},
		pageState{name: "no churn", spec: subscriptionSpec, query: "mchurn=0&hz=36&timing=after_first"},
		pageState{name: "months", spec: cohortSpec, query: "per=month&a=2&b=3&surv="},
		pageState{name: "infinite lifetime", spec: cohortSpec, query: "a=0.5&b=3&surv=&hzp=24"},
		pageState{name: "churn", spec: purchaseSpec, query: "years=&churn=25&gm=40"},
	)
}

// render renders a page state in a language, what the visitor sees.
func (st pageState) render(t *testing.T, lang string) string {
	t.Helper()
	q, err := url.ParseQuery(st.query)
	if err != nil {
		t.Fatal(err)
	}
	q.Set("lang", lang)
	var p *calcPage
	if st.embed {
		p = newEmbedPage()
		q.Set("model", st.spec.Model)
	} else {
		p = newCalcPage(st.spec)
	}
	p.load(q)
	if st.do != nil {
		st.do(p)
	}
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	out := app.HTMLString(p)
	if !st.embed {
		// The saved scenarios' list and its messages.
		list := savedList{Items: []savedScenario{{ID: "a", Name: "Q3", Model: st.spec.Model, SavedAt: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)}}, Skipped: 2}
		sc := &savedScenarios{Loc: p.loc, Model: st.spec.Model, Page: p, list: list, loaded: true, deleting: "a",
			importName: "x.json", importErrs: importErrors(&calc.FieldError{Field: calc.FieldCAC, Code: calc.CodeInvalid}, p.loc)}
		out += app.HTMLString(sc)
	}
	return out
}

var (
	tagRE       = regexp.MustCompile(`(?s)<(script|style|title|desc)\b.*?</(script|style|title|desc)>|<[^>]*>`)
	attrTextRE  = regexp.MustCompile(`\b(?:aria-label|alt|title|placeholder|data-label)="([^"]*)"`)
	letterRunRE = regexp.MustCompile(`\p{L}{2,}`)
	valueAttrRE = regexp.MustCompile(`\bvalue="(?:[^"\\]|\\.)*"`)
)

// visibleTexts are the texts of a page that a visitor reads or hears:
// element text and the attributes read out or shown (aria-label, alt,
// title, placeholder, and data-label, which the stylesheet shows).
func visibleTexts(page string) []string {
	// A field's value is what was typed, not a text of the page (the Share
	// dialog's snippet is HTML, its quotes escaped as go-app escapes them).
	page = valueAttrRE.ReplaceAllString(page, "")
	var out []string
	for _, m := range attrTextRE.FindAllStringSubmatch(page, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	for _, s := range tagRE.Split(page, -1) {
		if s = strings.TrimSpace(html.UnescapeString(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// sameInEveryLanguage are texts of the interface that are right as they are
// in every language: names, abbreviations, true cognates.
var sameInEveryLanguage = map[string]bool{
	"LTV Lab": true, "LTV": true, "CAC": true, "LTV : CAC": true, "LTV - CAC": true,
	"DEL": true, "DERL": true, "English": true, "Français": true, "Română": true, "ไทย": true,
	"Q3": true, "x.json": true, "sBG": true, "(sBG)": true,
}

// sameIn are texts that a language writes as English does.
var sameIn = map[string]map[string]bool{
	"fr": {"a (alpha)": true, "(points)": true, "Horizon": true, "1 / churn": true},
	"ro": {"b (beta)": true},
}

// TestNoEnglishLeft renders every page and state in French, Romanian and
// Thai, and fails on any visible text that is also a text of the English
// pages: a label, a message or a note left untranslated. Figures are
// formatted the same in every language natively, and are left out: a text
// with no word in it is not compared.
func TestNoEnglishLeft(t *testing.T) {
	for _, st := range pageStates() {
		english := map[string]bool{}
		for _, s := range visibleTexts(st.render(t, "en")) {
			english[s] = true
		}
		for _, lang := range []string{"fr", "ro", "th"} {
			var left []string
			seen := map[string]bool{}
			for _, s := range visibleTexts(st.render(t, lang)) {
				if !english[s] || seen[s] || sameInEveryLanguage[s] || sameIn[lang][s] || !hasWord(s) {
					continue
				}
				seen[s] = true
				left = append(left, s)
			}
			sort.Strings(left)
			for _, s := range left {
				t.Errorf("%s %s (%s): %q is English", st.spec.Model, st.name, lang, s)
			}
		}
	}
}

// hasWord reports whether s has a word of two letters or more that is not a
// currency code or a unit symbol.
func hasWord(s string) bool {
	for _, w := range letterRunRE.FindAllString(s, -1) {
		if knownCurrency(w) || strings.IndexFunc(w, unicode.IsLower) < 0 && len(w) <= 3 && w != "CAC" {
			continue
		}
		if !sameInEveryLanguage[w] {
			return true
		}
	}
	return false
}

// TestNoEnglishLeftTransactions is TestNoEnglishLeft for the order-file
// page holding the results of a fit: its tables, charts and notes. The
// file's own column names and the models' parameter names are the same in
// every language.
func TestNoEnglishLeftTransactions(t *testing.T) {
	render := func(lang string) []string {
		p := fittedPage(t)
		p.loc = localeFrom(url.Values{"lang": {lang}})
		e := app.NewTestEngine()
		if err := e.Load(p); err != nil {
			t.Fatal(err)
		}
		e.ConsumeAll()
		return visibleTexts(app.HTMLString(p))
	}
	english := map[string]bool{}
	for _, s := range render("en") {
		english[s] = true
	}
	fromFile := map[string]bool{"alpha": true, "gamma": true}
	for _, h := range fittedPage(t).orders.Header {
		fromFile[h] = true
	}
	for _, lang := range []string{"fr", "ro", "th"} {
		seen := map[string]bool{}
		for _, s := range render(lang) {
			if !english[s] || seen[s] || sameInEveryLanguage[s] || sameIn[lang][s] || fromFile[s] || !hasWord(s) {
				continue
			}
			seen[s] = true
			t.Errorf("transactions (%s): %q is English", lang, s)
		}
	}
}
