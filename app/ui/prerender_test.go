//go:build !wasm

package ui

import (
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestPrerender checks the page the handler prerenders for a URL: it shows
// the figures of the query, and never writes a query value that is not a
// validated number into the page.
func TestPrerender(t *testing.T) {
	h := prerenderer()
	get := func(target string) string {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", target, rec.Code)
		}
		b, _ := io.ReadAll(rec.Body)
		return string(b)
	}
	if body := get("/?aov=80&freq=3&years=2"); !strings.Contains(body, ">$480.00</output>") || !strings.Contains(body, `value="80"`) {
		t.Errorf("prerendered /?aov=80&freq=3&years=2 does not show $480.00 with aov 80")
	}
	// Each calculator has its own title, in the page's language.
	for target, want := range map[string]string{
		"/":                     "<title>Customer lifetime value · LTV Lab</title>",
		"/subscription":         "<title>Subscription LTV · LTV Lab</title>",
		"/cohort?lang=fr":       "<title>" + catalog("fr")["Cohort retention and LTV"] + " · LTV Lab</title>",
		"/embed?model=cohort":   "<title>Cohort retention and LTV · LTV Lab</title>",
		"/subscription?lang=th": "<title>" + catalog("th")["Subscription LTV"] + " · LTV Lab</title>",
	} {
		if body := get(target); !strings.Contains(body, want) {
			t.Errorf("prerendered %s lacks %s", target, want)
		}
	}
	// And its own description, its lead paragraph.
	meta := regexp.MustCompile(`<meta [^>]*>`)
	for target, lead := range map[string]string{
		"/":                   purchaseSpec.Lead,
		"/subscription":       subscriptionSpec.Lead,
		"/cohort?lang=ro":     catalog("ro")[cohortSpec.Lead],
		"/embed?model=cohort": cohortSpec.Lead,
	} {
		metas := meta.FindAllString(get(target), -1)
		for _, attr := range []string{`name="description"`, `property="og:description"`} {
			found := false
			for _, m := range metas {
				found = found || strings.Contains(m, attr) && strings.Contains(m, `content="`+html.EscapeString(lead)+`"`)
			}
			if lead == "" || !found {
				t.Errorf("prerendered %s: no %s with the lead %q", target, attr, lead)
			}
		}
	}
	for _, payload := range []string{
		`"><script>alert(1)</script>`,
		`" onfocus="alert(1)" autofocus="`,
		`50" autofocus onfocus=alert(1) x="`,
		`<img src=x onerror=alert(1)>`,
	} {
		body := get("/?aov=" + url.QueryEscape(payload) + "&freq=" + url.QueryEscape(payload))
		for _, bad := range []string{"<script>alert", "onfocus", "onerror", "<img src=x"} {
			if strings.Contains(body, bad) {
				t.Errorf("payload %q reached the page as %q", payload, bad)
			}
		}
		if !strings.Contains(body, "not a number") {
			t.Errorf("payload %q: no error message in the page", payload)
		}
	}
}
