package oembed

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var testSite = Site{Origin: "https://ltv.example", Base: "/ltv/"}

// iframeSrc and quoteLink read the HTML of a document the way WordPress's
// wp_filter_oembed_result does: the blockquote first, then the iframe.
var (
	wpShape   = regexp.MustCompile(`(?s)^<blockquote[^>]*><a href="([^"]*)">([^<]*)</a></blockquote><iframe ([^>]*)></iframe>$`)
	attribute = regexp.MustCompile(`([a-z-]+)="([^"]*)"`)
)

// parts returns the blockquote's link and the iframe's attributes, HTML
// entities decoded.
func parts(t *testing.T, h string) (link string, iframe map[string]string) {
	t.Helper()
	m := wpShape.FindStringSubmatch(h)
	if m == nil {
		t.Fatalf("html is not a blockquote with a link, then an iframe: %s", h)
	}
	iframe = map[string]string{}
	for _, a := range attribute.FindAllStringSubmatch(m[3], -1) {
		iframe[a[1]] = unescape(a[2])
	}
	return unescape(m[1]), iframe
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&#34;", `"`, "&lt;", "<", "&gt;", ">").Replace(s)
}

// TestDocument: each calculator's page gives an iframe of its own embed
// view, with the page's figures, at most maxwidth wide and maxheight tall.
func TestDocument(t *testing.T) {
	tests := []struct {
		url          string
		maxW, maxH   int
		link, src    string
		width, hight int
	}{
		{"https://ltv.example/ltv/", 0, 0, "https://ltv.example/ltv/", "https://ltv.example/ltv/embed", 640, 800},
		{"https://ltv.example/ltv", 500, 750, "https://ltv.example/ltv/", "https://ltv.example/ltv/embed", 500, 750},
		{"https://ltv.example/ltv/index.html?aov=80", 500, 750, "https://ltv.example/ltv/?aov=80", "https://ltv.example/ltv/embed?aov=80", 500, 750},
		// WordPress's request for a pasted link (issue: every link embedded the purchase calculator).
		{"https://ltv.example/ltv/subscription?arpa=70&mchurn=4", 500, 750,
			"https://ltv.example/ltv/subscription?arpa=70&mchurn=4", "https://ltv.example/ltv/embed/subscription?arpa=70&mchurn=4", 500, 750},
		{"https://ltv.example/ltv/cohort", 800, 1200, "https://ltv.example/ltv/cohort", "https://ltv.example/ltv/embed/cohort", 640, 850},
		{"https://ltv.example/ltv/cohort.html#x", 0, 0, "https://ltv.example/ltv/cohort", "https://ltv.example/ltv/embed/cohort", 640, 850},
		// The host's case, http for an https site, the embed view's own address.
		{"http://LTV.example/ltv/embed/subscription?model=cohort&lang=fr", 0, 0,
			"https://ltv.example/ltv/subscription?lang=fr", "https://ltv.example/ltv/embed/subscription?lang=fr", 640, 800},
		{"https://ltv.example/ltv/embed?model=purchase", 0, 0, "https://ltv.example/ltv/", "https://ltv.example/ltv/embed", 640, 800},
		// The query is encoded afresh: an attribute cannot be closed from it.
		{`https://ltv.example/ltv/?aov="><script>alert(1)</script>&x%00y=1&cur=EUR`, 0, 0,
			"https://ltv.example/ltv/?aov=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&cur=EUR",
			"https://ltv.example/ltv/embed?aov=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&cur=EUR", 640, 800},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			d, err := testSite.Document(Request{URL: tt.url, MaxWidth: tt.maxW, MaxHeight: tt.maxH})
			if err != nil {
				t.Fatal(err)
			}
			if d.Version != "1.0" || d.Type != "rich" || d.ProviderURL != "https://ltv.example/ltv/" {
				t.Errorf("version %q, type %q, provider_url %q", d.Version, d.Type, d.ProviderURL)
			}
			if d.Width != tt.width || d.Height != tt.hight {
				t.Errorf("size %dx%d, want %dx%d", d.Width, d.Height, tt.width, tt.hight)
			}
			link, iframe := parts(t, d.HTML)
			if link != tt.link {
				t.Errorf("link %q, want %q", link, tt.link)
			}
			if iframe["src"] != tt.src {
				t.Errorf("src %q, want %q", iframe["src"], tt.src)
			}
			if iframe["width"] != "100%" || iframe["style"] != fmt.Sprintf("border:0;max-width:%dpx", tt.width) ||
				iframe["height"] != fmt.Sprint(tt.hight) || iframe["frameborder"] != "0" {
				t.Errorf("iframe width %q style %q height %q frameborder %q", iframe["width"], iframe["style"], iframe["height"], iframe["frameborder"])
			}
			if !strings.HasPrefix(iframe["sandbox"], "allow-scripts") || iframe["title"] != d.Title {
				t.Errorf("iframe sandbox %q, title %q (document %q)", iframe["sandbox"], iframe["title"], d.Title)
			}
		})
	}
}

// TestDocumentNotOurs: only the calculators of the site itself are
// embedded; anything else is a 404 that says why.
func TestDocumentNotOurs(t *testing.T) {
	for _, u := range []string{
		"https://evil.example/ltv/",
		"https://ltv.example.evil.example/ltv/",
		"https://ltv.example:8443/ltv/",
		"https://ltv.example/",
		"https://ltv.example/ltvx/subscription",
		"https://ltv.example/ltv/web/app.wasm",
		"https://ltv.example/ltv/oembed.json",
		"https://ltv.example/ltv/embed/evil",
		"https://ltv.example/other/../ltv/x",
		"javascript:alert(1)//ltv.example/ltv/",
		"ftp://ltv.example/ltv/",
		"//ltv.example/ltv/",
		"https://user@ltv.example/ltv/",
		"",
		"%",
	} {
		_, err := testSite.Document(Request{URL: u})
		e, ok := err.(*Error)
		if !ok || e.Status != 404 || !strings.Contains(e.Msg, "https://ltv.example/ltv/") {
			t.Errorf("Document(%q) = %v, want a 404 naming the site", u, err)
		}
	}
	_, err := testSite.Document(Request{URL: "https://ltv.example/ltv/?coh=" + strings.Repeat("1", maxURLBytes)})
	if e, ok := err.(*Error); !ok || e.Status != 400 {
		t.Errorf("a URL over %d bytes: %v, want a 400", maxURLBytes, err)
	}
}

func TestParseRequest(t *testing.T) {
	def := &Calculators[2]
	tests := []struct {
		query  string
		def    *Calculator
		want   Request
		status int
	}{
		{"url=https%3A%2F%2Fltv.example%2Fltv%2F&maxwidth=500&maxheight=750&dnt=1", nil, Request{URL: "https://ltv.example/ltv/", MaxWidth: 500, MaxHeight: 750}, 0},
		{"format=json", def, Request{URL: "https://ltv.example/ltv/cohort"}, 0},
		{"", nil, Request{}, 400},
		{"url=x&format=xml", nil, Request{}, 501},
		{"url=x&maxwidth=-5", nil, Request{}, 400},
		{"url=x&maxwidth=99", nil, Request{}, 400},
		{"url=x&maxheight=1e3", nil, Request{}, 400},
		{"url=x&maxheight=99999999999999999999", nil, Request{}, 400},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		got, err := ParseRequest(q, tt.def, testSite)
		if tt.status != 0 {
			if e, ok := err.(*Error); !ok || e.Status != tt.status {
				t.Errorf("ParseRequest(%q) = %v, want a %d", tt.query, err, tt.status)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseRequest(%q) = %+v, %v; want %+v", tt.query, got, err, tt.want)
		}
	}
}

// TestTitle: the link and the frame are named in the page's language when
// the site says how.
func TestTitle(t *testing.T) {
	s := testSite
	s.Title = func(model, lang string) string {
		if lang == "fr" && model == "subscription" {
			return "LTV d'abonnement"
		}
		return ""
	}
	d, err := s.Document(Request{URL: "https://ltv.example/ltv/subscription?lang=fr"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "LTV d'abonnement · LTV Lab" {
		t.Errorf("title %q", d.Title)
	}
	if _, iframe := parts(t, d.HTML); iframe["title"] != d.Title {
		t.Errorf("iframe title %q", iframe["title"])
	}
	if d, _ := s.Document(Request{URL: "https://ltv.example/ltv/cohort?lang=fr"}); d.Title != "Cohort retention and LTV · LTV Lab" {
		t.Errorf("title without a translation %q", d.Title)
	}
}

func TestDiscoveryLink(t *testing.T) {
	got := testSite.DiscoveryLink(Calculators[1])
	want := `<link rel="alternate" type="application/json+oembed" href="https://ltv.example/ltv/oembed/subscription.json?format=json&amp;url=https%3A%2F%2Fltv.example%2Fltv%2Fsubscription" title="Subscription LTV · LTV Lab">`
	if got != want {
		t.Errorf("DiscoveryLink:\n%s\nwant\n%s", got, want)
	}
}

// TestHandler: the endpoint answers for the url given, the static paths
// for their calculator by default, and everything else goes to the site.
func TestHandler(t *testing.T) {
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("site " + r.URL.Path)) })
	h := testSite.Handler(site)
	get := func(method, target string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(method, target, nil))
		return w
	}
	for _, tt := range []struct {
		target, src string
		status      int
	}{
		{"/ltv/oembed.json?url=" + url.QueryEscape("https://ltv.example/ltv/subscription?arpa=70&mchurn=4") + "&maxwidth=500&maxheight=750&dnt=1",
			"https://ltv.example/ltv/embed/subscription?arpa=70&mchurn=4", 200},
		{"/ltv/oembed/cohort.json?format=json&maxwidth=500", "https://ltv.example/ltv/embed/cohort", 200},
		// WordPress adds url= to the discovered address: the url wins.
		{"/ltv/oembed/cohort.json?format=json&url=" + url.QueryEscape("https://ltv.example/ltv/?aov=7"), "https://ltv.example/ltv/embed?aov=7", 200},
		{"/ltv/oembed.json", "", 400},
		{"/ltv/oembed.json?url=" + url.QueryEscape("https://evil.example/"), "", 404},
		{"/ltv/oembed.json?url=x&format=xml", "", 501},
	} {
		w := get("GET", tt.target)
		if w.Code != tt.status {
			t.Errorf("GET %s: %d %s, want %d", tt.target, w.Code, w.Body, tt.status)
			continue
		}
		if w.Header().Get("Access-Control-Allow-Origin") != "*" || w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: headers %v", tt.target, w.Header())
		}
		if tt.status != 200 {
			if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain") || w.Body.Len() == 0 {
				t.Errorf("GET %s: an error without its message: %q %q", tt.target, w.Header().Get("Content-Type"), w.Body)
			}
			continue
		}
		var d Document
		if err := json.Unmarshal(w.Body.Bytes(), &d); err != nil || w.Header().Get("Content-Type") != "application/json" {
			t.Errorf("GET %s: %v, Content-Type %q", tt.target, err, w.Header().Get("Content-Type"))
			continue
		}
		if _, iframe := parts(t, d.HTML); iframe["src"] != tt.src {
			t.Errorf("GET %s: src %q, want %q", tt.target, iframe["src"], tt.src)
		}
	}
	if w := get("HEAD", "/ltv/oembed/purchase.json"); w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: %d, %d bytes, Content-Length %q", w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
	}
	for _, target := range []string{"/ltv/", "/ltv/oembed/other.json", "/oembed.json", "/ltv/oembed.jsonx"} {
		if w := get("GET", target); w.Body.String() != "site "+target {
			t.Errorf("GET %s went to the oEmbed endpoint: %d %s", target, w.Code, w.Body)
		}
	}
	if w := get("POST", "/ltv/oembed.json?url=x"); w.Body.String() != "site /ltv/oembed.json" {
		t.Errorf("POST went to the oEmbed endpoint: %d %s", w.Code, w.Body)
	}
}

// TestLoad: the serve command finds the site's origin in the documents
// that the build wrote, and no oEmbed where there are none.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	if _, ok, err := Load(dir, "/ltv/"); ok || err != nil {
		t.Fatalf("a site without documents: %v, %v", ok, err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "oembed"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i, c := range Calculators {
		if err := os.WriteFile(filepath.Join(dir, StaticPath(c)), testSite.Static(Calculators[i]).JSON(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, ok, err := Load(dir, "/ltv/")
	if !ok || err != nil || s.Origin != "https://ltv.example" || s.Base != "/ltv/" {
		t.Errorf("Load = %+v, %v, %v", s, ok, err)
	}
	if _, _, err := Load(dir, "/other/"); err == nil || !strings.Contains(err.Error(), "same base path") {
		t.Errorf("Load with another base: %v, want an error", err)
	}
}

// FuzzDocument: no page URL or parameters make it panic, and every
// document it gives has the shape WordPress reads, an iframe of the site's
// own embed views within the size asked.
func FuzzDocument(f *testing.F) {
	f.Add("https://ltv.example/ltv/subscription?arpa=70&mchurn=4", 500, 750)
	f.Add(`https://ltv.example/ltv/?aov="><script>`, 0, 0)
	f.Add("https://ltv.example/ltv/../../x", 120, 130)
	f.Add("http://ltv.example/ltv/embed/cohort?coh=1%0A2&lang=th", 640, 0)
	f.Fuzz(func(t *testing.T, u string, maxW, maxH int) {
		if maxW < 0 || maxH < 0 {
			return
		}
		d, err := testSite.Document(Request{URL: u, MaxWidth: maxW, MaxHeight: maxH})
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Document(%q): %v is not an *Error", u, err)
			}
			return
		}
		_, iframe := parts(t, d.HTML)
		if !strings.HasPrefix(iframe["src"], "https://ltv.example/ltv/embed") || strings.ContainsAny(iframe["src"], "\"<>' ") {
			t.Errorf("Document(%q): src %q", u, iframe["src"])
		}
		if maxW > 0 && d.Width > maxW || maxH > 0 && d.Height > maxH {
			t.Errorf("Document(%q, %d, %d): %dx%d", u, maxW, maxH, d.Width, d.Height)
		}
	})
}

func ExampleSite_Document() {
	s := Site{Origin: "https://ltv.example", Base: "/"}
	d, err := s.Document(Request{URL: "https://ltv.example/subscription?arpa=70&mchurn=4", MaxWidth: 500, MaxHeight: 750})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Width, d.Height)
	fmt.Println(d.HTML)
	// Output:
	// 500 750
	// <blockquote style="display:none"><a href="https://ltv.example/subscription?arpa=70&amp;mchurn=4">Subscription LTV · LTV Lab</a></blockquote><iframe src="https://ltv.example/embed/subscription?arpa=70&amp;mchurn=4" width="100%" height="750" title="Subscription LTV · LTV Lab" frameborder="0" style="border:0;max-width:500px" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy"></iframe>
}
