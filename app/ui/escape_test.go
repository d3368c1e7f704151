package ui

import (
	"html"
	"testing"
)

func TestEscapeHTML(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">Tom & Jerry's</a>`, "&amp;", "ไทย <b>", `"'<>&`, "end<"} {
		if got, want := escapeHTML(s), html.EscapeString(s); got != want {
			t.Errorf("escapeHTML(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzEscapeHTML checks escapeHTML against html.EscapeString.
func FuzzEscapeHTML(f *testing.F) {
	f.Add(`<a title="x">&'</a>`) // every escaped character
	f.Add("\xff<")               // invalid UTF-8 before a character to escape
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := escapeHTML(s), html.EscapeString(s); got != want {
			t.Errorf("escapeHTML(%q) = %q, want %q", s, got, want)
		}
	})
}
