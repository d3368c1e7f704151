//go:build !wasm

package site

import "testing"

func TestInlineStyles(t *testing.T) {
	styles := map[string]string{"/app.css": "a{}\n", "/web/ltv.0123456789ab.css": "b{}", "/web/bad.css": "x{}</STYLE><script>"}
	lookup := func(url string) ([]byte, bool) { s, ok := styles[url]; return []byte(s), ok }
	link := func(url string) string { return `<link href="` + url + `" rel="stylesheet" type="text/css">` }
	tests := []struct {
		page, want string
		fails      bool
	}{
		{"<head>" + link("/app.css") + link("/web/ltv.0123456789ab.css") + "</head>", "<head><style>a{}</style><style>b{}</style></head>", false},
		{`<link href="/manifest.webmanifest" rel="manifest">`, `<link href="/manifest.webmanifest" rel="manifest">`, false},
		{link("/web/missing.css"), "", true},
		{link("/web/bad.css"), "", true},
	}
	for _, tt := range tests {
		got, err := inlineStyles([]byte(tt.page), lookup)
		if (err != nil) != tt.fails {
			t.Errorf("inlineStyles(%q) error %v, want failure %v", tt.page, err, tt.fails)
			continue
		}
		if !tt.fails && string(got) != tt.want {
			t.Errorf("inlineStyles(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}
