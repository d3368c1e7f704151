//go:build !wasm

package ui

import "testing"

func TestPageHref(t *testing.T) {
	defer func(prev string) { siteBase = prev }(siteBase)
	tests := []struct {
		base, in, want string
	}{
		{"/", "/", "/"},
		{"/", "/cohort", "/cohort"},
		{"/", "/?aov=80", "/?aov=80"},
		{"/ltv/", "/", "/ltv/"},
		{"/ltv/", "/cohort", "/ltv/cohort"},
		{"/ltv/", "/?aov=80&freq=3", "/ltv/?aov=80&freq=3"},
		{"/a/b/", "/embed", "/a/b/embed"},
		{"/ltv/", "#main", "#main"},
		{"/ltv/", "cohort", "cohort"},
		{"/ltv/", "https://example.com/", "https://example.com/"},
		{"/ltv/", "//example.com/", "//example.com/"},
	}
	for _, tt := range tests {
		siteBase = tt.base
		if got := pageHref(tt.in); got != tt.want {
			t.Errorf("base %s: pageHref(%q) = %q, want %q", tt.base, tt.in, got, tt.want)
		}
	}
}
