package ui

import "strings"

// escapeHTML escapes the five characters that html.EscapeString escapes,
// with the same entities, for the text and attributes of the SVG charts and
// the embed snippet. html.EscapeString is built on strings.Replacer, which
// nothing else in app.wasm uses and which adds about 30 kB to it (2 to 14 kB
// after Brotli).
func escapeHTML(s string) string {
	i := strings.IndexAny(s, `<>&'"`)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '"':
			b.WriteString("&#34;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
