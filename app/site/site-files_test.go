//go:build !wasm

package site

import "testing"

func TestCanonicalHTML(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`<a href="/" class="brand">x</a>`, `<a class="brand" href="/">x</a>`},
		{`<input type="text" id="aov" value="50" aria-describedby="aov-hint" data-q="aov">`,
			`<input aria-describedby="aov-hint" data-q="aov" id="aov" type="text" value="50">`},
		{`<form novalidate class="calc">`, `<form class="calc" novalidate>`},
		// Values quoted by strconv.Quote: escaped quotes, spaces and ">".
		{`<p title="a \"b> c\"" id="x">`, `<p id="x" title="a \"b> c\"">`},
		{`<html lang="en">`, `<html lang="en">`},
		{`<body>`, `<body>`},
		{"<p>1 &lt; 2 class=\"x\" id=\"y\"</p>", "<p>1 &lt; 2 class=\"x\" id=\"y\"</p>"},
		// Not go-app's syntax: left alone.
		{`<a id='x' href='/'>`, `<a id='x' href='/'>`},
		{`<a id=x href=/>`, `<a id=x href=/>`},
	}
	for _, tt := range tests {
		if got := string(canonicalHTML([]byte(tt.in))); got != tt.want {
			t.Errorf("canonicalHTML(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
