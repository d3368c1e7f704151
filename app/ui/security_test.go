//go:build !wasm

package ui

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// xssPayloads are texts that would run script if a page copied them into
// its markup unescaped: out of a double-quoted attribute, a text area or a
// title; out of a single-quoted attribute; as a javascript: URL, out of a
// comment, as tags that run script. Each would set window.__x.
var xssPayloads = []string{
	`"></textarea></title><script>window.__x=1</script>`,
	`" autofocus onfocus="window.__x=1`,
	`' autofocus onfocus='window.__x=1`,
	`javascript:window.__x=1 --><img src=x onerror=window.__x=1><svg onload=window.__x=1>`,
}

// pageParams is a page and the URL parameters it reads.
type pageParams struct {
	Path   string
	Model  string // for /embed: the model= of the calculator it shows
	Params []string
}

// routeParams lists every page with the parameters it reads: every input
// of its calculator, lang, cur, and model (/embed once per calculator).
func routeParams() []pageParams {
	keys := func(s *pageSpec) []string {
		out := []string{"lang", "cur", "model"}
		for _, in := range s.allInputs() {
			out = append(out, in.Key)
		}
		return out
	}
	out := []pageParams{
		{"/", "", keys(purchaseSpec)},
		{"/subscription", "", keys(subscriptionSpec)},
		{"/cohort", "", keys(cohortSpec)},
	}
	for _, s := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		out = append(out, pageParams{"/embed", s.Model, slices.DeleteFunc(keys(s), func(k string) bool { return k == "model" })})
	}
	return out
}

// TestPrerenderPayloads puts each payload into every parameter of every
// page, one at a time, and checks the page the handler prerenders (what
// the static site, a crawler and ?wasm=false get) for injected markup.
func TestPrerenderPayloads(t *testing.T) {
	h := prerenderer()
	for _, page := range routeParams() {
		for _, param := range page.Params {
			for _, payload := range xssPayloads {
				q := url.Values{param: {payload}}
				if page.Model != "" {
					q.Set("model", page.Model)
				}
				target := page.Path + "?" + q.Encode()
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
				if rec.Code != http.StatusOK {
					t.Fatalf("GET %s: %d", target, rec.Code)
				}
				body, _ := io.ReadAll(rec.Body)
				checkMarkup(t, "GET "+target, string(body))
			}
		}
	}
}

// TestPrerenderTextArea: the prerendered text areas show their text,
// escaped, as element content (a value attribute is ignored on a textarea).
func TestPrerenderTextArea(t *testing.T) {
	h := prerenderer()
	for target, want := range map[string]string{
		"/cohort":                               `>100 63.1 46.8 38.2 32.6 28.9 26.2 24.1</textarea>`,
		"/cohort?surv=%3Cb%3E%221%27%3C%2Fb%3E": `>&lt;b&gt;&#34;1&#39;&lt;/b&gt;</textarea>`,
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if body := rec.Body.String(); !strings.Contains(body, want) {
			t.Errorf("GET %s: no %s in the page", target, want)
		}
	}
}

// prerenderer is a go-app handler that prerenders the pages as the site's
// generator does.
func prerenderer() *app.Handler {
	RegisterRoutes()
	return &app.Handler{Name: "LTV Lab", Version: "test"}
}
