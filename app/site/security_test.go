//go:build !wasm

package site

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ltvlab/app/internal/webtest"
)

// TestPagesCSP checks the CSP the server sends with every page, the 404
// page and the embed view included.
func TestPagesCSP(t *testing.T) {
	for _, name := range []string{"index.html", "subscription.html", "cohort.html", "embed.html", "404.html"} {
		h := http.Header{}
		setHeaders(h, "/"+strings.TrimSuffix(name, ".html"), name)
		csp := h.Get("Content-Security-Policy")
		if csp == "" {
			t.Errorf("%s: no Content-Security-Policy", name)
			continue
		}
		webtest.CheckScriptSrc(t, name, csp)
	}
}

// TestSiteMarkup reads every page of the generated site (make static; the
// test skips without one) as a browser would: no inline script, no event
// attribute, nothing that the CSP would have to block.
func TestSiteMarkup(t *testing.T) {
	dir := os.Getenv("LTV_SITE")
	if dir == "" {
		dir = filepath.Join(webtest.Root(t), "static")
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(pages) == 0 {
		t.Skipf("no generated site in %s (run make static)", dir)
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		webtest.CheckMarkup(t, filepath.Base(p), string(b))
	}
}
