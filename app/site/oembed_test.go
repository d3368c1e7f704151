//go:build !wasm

package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestParseOrigin(t *testing.T) {
	tests := []struct{ in, want, wantErr string }{
		{"", "", ""},
		{"https://ltv.example", "https://ltv.example", ""},
		{"https://ltv.example/", "https://ltv.example", ""},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", ""},
		{"ltv.example", "", "origin"},
		{"ftp://ltv.example", "", "origin"},
		{"https://ltv.example/path", "", "origin"},
		{"https://ltv.example?x=1", "", "origin"},
		{`https://ltv.example"><script>`, "", "origin"},
		{"https://user@ltv.example", "", "origin"},
	}
	for _, tt := range tests {
		got, err := ParseOrigin(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseOrigin(%q) = %q, %v; want an error", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseOrigin(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// TestBuildOembed: with -origin each calculator has its own oEmbed
// document, for its own embed view, and each page (its embed views too)
// names its calculator's in its discovery link; without, there is none.
func TestBuildOembed(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(Options{Out: out, Web: testWeb(t), Base: "/ltv/", Origin: "https://ltv.example"}); err != nil {
		t.Fatal(err)
	}
	for model, src := range map[string]string{
		"purchase":     "https://ltv.example/ltv/embed",
		"subscription": "https://ltv.example/ltv/embed/subscription",
		"cohort":       "https://ltv.example/ltv/embed/cohort",
	} {
		b, err := os.ReadFile(filepath.Join(out, "oembed", model+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for k, want := range map[string]any{"version": "1.0", "type": "rich", "provider_name": "LTV Lab",
			"provider_url": "https://ltv.example/ltv/", "width": float64(640)} {
			if doc[k] != want {
				t.Errorf("%s: oembed %s = %v, want %v", model, k, doc[k], want)
			}
		}
		if h, _ := doc["html"].(string); !strings.HasPrefix(h, "<blockquote") || !strings.Contains(h, `<iframe src="`+src+`"`) {
			t.Errorf("%s: oembed html = %q", model, h)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "oembed.json")); err == nil {
		t.Error("the one document of every calculator is still there")
	}
	for page, model := range map[string]string{
		"index.html": "purchase", "subscription.html": "subscription", "cohort.html": "cohort",
		"embed.html": "purchase", "embed/subscription.html": "subscription", "embed/cohort.html": "cohort",
	} {
		html, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		var links []string
		for _, line := range strings.Split(string(html), "\n") {
			if strings.Contains(line, `<link `) && strings.Contains(line, `type="application/json+oembed"`) && strings.Contains(line, `rel="alternate"`) {
				links = append(links, line)
			}
		}
		want := `href="https://ltv.example/ltv/oembed/` + model + `.json?format=json&amp;url=`
		if len(links) != 1 || !strings.Contains(links[0], want) {
			t.Errorf("%s: oEmbed discovery links %q, want one with %s", page, links, want)
		}
		if strings.Contains(string(html), oembedPlaceholder) {
			t.Errorf("%s still holds the placeholder of its discovery link", page)
		}
	}
	headers, err := os.ReadFile(filepath.Join(out, "_headers"))
	if err != nil || !strings.Contains(string(headers), "/ltv/oembed/*\n  Access-Control-Allow-Origin: *") {
		t.Errorf("_headers lets no other site read the documents: %v\n%s", err, headers)
	}
	// The serve command finds them, and the site's origin in them.
	s, ok, err := LoadOembed(out, "/ltv/")
	if !ok || err != nil || s.Origin != "https://ltv.example" || s.Title == nil {
		t.Errorf("LoadOembed = %+v, %v, %v", s, ok, err)
	}
	// Without an origin there are no documents: their URLs would be wrong.
	out2 := filepath.Join(t.TempDir(), "site")
	if _, err := Build(Options{Out: out2, Web: testWeb(t)}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out2, "oembed")); err == nil {
		t.Error("oEmbed documents written without an origin")
	}
	for _, page := range []string{"index.html", "embed/cohort.html"} {
		if html := readSiteFile(t, out2, page); strings.Contains(html, "json+oembed") || strings.Contains(html, oembedPlaceholder) {
			t.Errorf("%s without an origin has an oEmbed link or its placeholder", page)
		}
	}
	if _, ok, err := LoadOembed(out2, "/"); ok || err != nil {
		t.Errorf("LoadOembed of a site without documents: %v, %v", ok, err)
	}
}

// TestOembedTitles: the oEmbed titles are the calculators' names in the
// page's language.
func TestOembedTitles(t *testing.T) {
	s := OembedSite("https://ltv.example", "/")
	if got := s.Title("cohort", "en"); got != "Cohort retention and LTV" {
		t.Errorf("cohort in English: %q", got)
	}
	for _, lang := range []string{"fr", "ro", "th"} {
		if got := s.Title("subscription", lang); got == "" || got == "Subscription LTV" {
			t.Errorf("subscription in %s: %q, want a translation", lang, got)
		}
	}
	if got := s.Title("subscription", "xx"); got != "" {
		t.Errorf("an unknown language: %q, want \"\" (English)", got)
	}
}

// TestBuildOpenGraph: with -origin every page names its own absolute URL
// and the icon as its Open Graph image, a file of the site; without it, a
// page has no Open Graph URL or image at all, rather than go-app's
// "https://" with no host.
func TestBuildOpenGraph(t *testing.T) {
	ogContent := func(html []byte, property string) (string, int) {
		re := regexp.MustCompile(`<meta content="([^"]*)" property="` + regexp.QuoteMeta(property) + `">`)
		all := re.FindAllSubmatch(html, -1)
		if len(all) == 0 {
			return "", 0
		}
		return string(all[0][1]), len(all)
	}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(Options{Out: out, Web: testWeb(t), Base: "/ltv/", Origin: "https://ltv.example"}); err != nil {
		t.Fatal(err)
	}
	for page, wantURL := range map[string]string{
		"index.html":        "https://ltv.example/ltv",
		"subscription.html": "https://ltv.example/ltv/subscription",
		"cohort.html":       "https://ltv.example/ltv/cohort",
	} {
		html, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		if got, n := ogContent(html, "og:url"); got != wantURL || n != 1 {
			t.Errorf("%s: og:url %q (%d of them), want %q", page, got, n, wantURL)
		}
		img, n := ogContent(html, "og:image")
		local, ok := strings.CutPrefix(img, "https://ltv.example/ltv/web/icon-512.")
		if !ok || n != 1 || !isHashedName(img) {
			t.Errorf("%s: og:image %q (%d of them), want the hashed icon-512.png under https://ltv.example/ltv/web/", page, img, n)
			continue
		}
		if _, err := os.Stat(filepath.Join(out, "web", "icon-512."+local)); err != nil {
			t.Errorf("%s: og:image %q is not a file of the site: %v", page, img, err)
		}
	}

	out2 := filepath.Join(t.TempDir(), "site")
	if _, err := Build(Options{Out: out2, Web: testWeb(t)}); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"index.html", "subscription.html", "cohort.html", "embed.html"} {
		html, err := os.ReadFile(filepath.Join(out2, page))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"og:url", "og:image"} {
			if got, n := ogContent(html, p); n != 0 {
				t.Errorf("%s without an origin: %s %q", page, p, got)
			}
		}
		if got, _ := ogContent(html, "og:title"); got == "" {
			t.Errorf("%s without an origin lost its og:title", page)
		}
	}
}

func TestDropHostlessOG(t *testing.T) {
	in := "<head>\n    <meta content=\"https://\" property=\"og:url\">\n    <meta content=\"https:///cohort\" property=\"og:url\">\n" +
		"    <meta content=\"https://ltv.example\" property=\"og:url\">\n" +
		"\t<meta content=\"https://\" property=\"og:image\">\n    <meta content=\"https://\" property=\"og:title\">\n</head>"
	want := "<head>\n    <meta content=\"https://ltv.example\" property=\"og:url\">\n    <meta content=\"https://\" property=\"og:title\">\n</head>"
	if got := string(dropHostlessOG([]byte(in))); got != want {
		t.Errorf("dropHostlessOG:\n%s\nwant:\n%s", got, want)
	}
}
