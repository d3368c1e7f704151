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

// TestBuildOembed: with -origin the site has an oEmbed document of type
// rich for the embed view, and every page advertises it.
func TestBuildOembed(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(Options{Out: out, Web: testWeb(t), Base: "/ltv/", Origin: "https://ltv.example"}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "oembed.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"version": "1.0", "type": "rich", "provider_name": "LTV Lab",
		"provider_url": "https://ltv.example/ltv/", "width": float64(640), "height": float64(720)} {
		if doc[k] != want {
			t.Errorf("oembed %s = %v, want %v", k, doc[k], want)
		}
	}
	if h, _ := doc["html"].(string); !strings.Contains(h, `<iframe src="https://ltv.example/ltv/embed"`) || !strings.Contains(h, `sandbox="allow-scripts`) {
		t.Errorf("oembed html = %q", h)
	}
	for _, page := range []string{"index.html", "subscription.html", "cohort.html"} {
		html, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		// The build sorts attributes: look for the link's parts on its line.
		found := false
		for _, line := range strings.Split(string(html), "\n") {
			if strings.Contains(line, `<link `) && strings.Contains(line, `type="application/json+oembed"`) &&
				strings.Contains(line, `href="https://ltv.example/ltv/oembed.json"`) && strings.Contains(line, `rel="alternate"`) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s lacks the oEmbed discovery link", page)
		}
	}
	// Without an origin there is no document: its URLs would be wrong.
	out2 := filepath.Join(t.TempDir(), "site")
	if _, err := Build(Options{Out: out2, Web: testWeb(t)}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out2, "oembed.json")); err == nil {
		t.Error("oembed.json written without an origin")
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
