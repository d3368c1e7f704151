//go:build !wasm

package site

import (
	"testing"
)

func TestParseBase(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"", "/", false},
		{"/", "/", false},
		{"//", "/", false},
		{"ltv", "/ltv/", false},
		{"/ltv", "/ltv/", false},
		{"/ltv/", "/ltv/", false},
		{"/a/b-c_d.e~f/", "/a/b-c_d.e~f/", false},
		{"/a//b/", "", true},
		{"/../", "", true},
		{"/ltv/../x/", "", true},
		{"/./", "", true},
		{"/a b/", "", true},
		{`/"><script>/`, "", true},
		{"/ltv?x=1", "", true},
		{"/ltv#x", "", true},
		{"/caf\u00e9/", "", true},
		{`/a\b/`, "", true},
	}
	for _, tt := range tests {
		got, err := ParseBase(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseBase(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestSiteResources(t *testing.T) {
	hashed := hashedResources{"/web/ltv.css": "/web/ltv.0123456789ab.css"}
	tests := []struct {
		base, in, want string
	}{
		{"/", "/", "/"},
		{"/", "", "/"},
		{"/", "/web/ltv.css", "/web/ltv.0123456789ab.css"},
		{"/", "web/ltv.css", "/web/ltv.0123456789ab.css"},
		{"/", "/web/other.png", "/web/other.png"},
		{"/", "/app.js", "/app.js"},
		{"/", "/cohort", "/cohort"},
		{"/", "#main", "#main"},
		{"/ltv/", "/", "/ltv/"},
		{"/ltv/", "", "/ltv/"},
		{"/ltv/", "/ltv", "/ltv/"},
		{"/ltv/", "/web/ltv.css", "/ltv/web/ltv.0123456789ab.css"},
		{"/ltv/", "web/ltv.css", "/ltv/web/ltv.0123456789ab.css"},
		{"/ltv/", "/web", "/ltv/web"},
		{"/ltv/", "/web/other.png", "/ltv/web/other.png"},
		{"/ltv/", "/app.js", "/ltv/app.js"},
		{"/ltv/", "/app-worker.js", "/ltv/app-worker.js"},
		{"/ltv/", "/cohort", "/ltv/cohort"},
		{"/ltv/", "/ltv/cohort", "/ltv/cohort"},
		{"/ltv/", "/ltv/web/ltv.0123456789ab.css", "/ltv/web/ltv.0123456789ab.css"},
		{"/ltv/", "/ltvx", "/ltv/ltvx"},
		{"/ltv/", "#main", "#main"},
		{"/ltv/", "?aov=80", "?aov=80"},
		{"/ltv/", "https://example.com/x", "https://example.com/x"},
		{"/ltv/", "http://example.com/x", "http://example.com/x"},
		{"/ltv/", "//cdn.example.com/x", "//cdn.example.com/x"},
		{"/ltv/", "mailto:a@example.com", "mailto:a@example.com"},
	}
	for _, tt := range tests {
		r := siteResources{base: tt.base, hashed: hashed}
		got := r.Resolve(tt.in)
		if got != tt.want {
			t.Errorf("base %s: Resolve(%q) = %q, want %q", tt.base, tt.in, got, tt.want)
		}
		if again := r.Resolve(got); again != got {
			t.Errorf("base %s: Resolve(Resolve(%q)) = %q, want %q: not idempotent", tt.base, tt.in, again, got)
		}
	}
}
