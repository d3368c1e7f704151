package calc

import (
	"fmt"
	"strings"
	"testing"
)

func TestNormalizeNumber(t *testing.T) {
	tests := []struct {
		in, locale, want string
	}{
		{"1234.5", LocaleEN, "1234.5"},
		{"1,234.5", LocaleEN, "1234.5"},
		{"1,234,567", LocaleEN, "1234567"},
		{"1,5", LocaleEN, "1,5"},     // not 15: left for ParseDecimal to refuse
		{"12,34", LocaleEN, "12,34"}, // not a grouping
		{"1 234.5", LocaleEN, "1234.5"},
		{"$1,200", LocaleEN, "1200"},
		{"80%", LocaleEN, "80"},
		{"-5", LocaleEN, "-5"},
		{"\u22125", LocaleEN, "-5"},
		{"1,5", LocaleFR, "1.5"},
		{"1 234,5", LocaleFR, "1234.5"},
		{"1\u00a0234,5", LocaleFR, "1234.5"},
		{"1\u202f234,5 €", LocaleFR, "1234.5"},
		{"1.5", LocaleFR, "1.5"},
		{"1 23,5", LocaleFR, "1 23,5"},
		{"1,2,3", LocaleFR, "1,2,3"},
		{"1.234,5", LocaleRO, "1234.5"},
		{"1.234", LocaleRO, "1234"},
		{"12.345.678", LocaleRO, "12345678"},
		{"2,5", LocaleRO, "2.5"},
		{"2.5", LocaleRO, "2.5"},
		{"1,234.5", LocaleRO, "1,234.5"},
		{"๑๒๓๔.๕", LocaleTH, "1234.5"},
		{"๕๐", LocaleEN, "50"},
		{"1,234.5", LocaleTH, "1234.5"},
		{"\u200f50\u200e", LocaleEN, "50"},
		{"", LocaleEN, ""},
		{"   ", LocaleFR, "   "},
		{"abc", LocaleFR, "abc"},
		{"<script>", LocaleEN, "<script>"},
		{"١٢", LocaleEN, "١٢"}, // Arabic-Indic digits: refused by ParseDecimal
		{"1.234,5", "xx", "1.234,5"},
	}
	for _, tt := range tests {
		if got := NormalizeNumber(tt.in, tt.locale); got != tt.want {
			t.Errorf("NormalizeNumber(%q, %s) = %q, want %q", tt.in, tt.locale, got, tt.want)
		}
	}
}

func ExampleNormalizeNumber() {
	for _, in := range []struct{ s, locale string }{
		{"1 234,5", LocaleFR}, {"1.234,5", LocaleRO}, {"1,234.5", LocaleEN}, {"๒๕", LocaleTH},
	} {
		d, err := ParseDecimal("x", NormalizeNumber(in.s, in.locale))
		fmt.Println(d, err)
	}
	// Output:
	// 1234.5 <nil>
	// 1234.5 <nil>
	// 1234.5 <nil>
	// 25 <nil>
}

// FuzzNormalizeNumber: never panics; whatever it turns into a figure is a
// figure in every locale's reading of its canonical form; and a canonical
// number reads back as itself in en and th.
func FuzzNormalizeNumber(f *testing.F) {
	for _, s := range []string{"1 234,5", "1.234,5", "1,234.5", "๑๒", "-5", "$1,200", "80%", "1,5", "\u202e5", ""} {
		f.Add(s, "fr")
		f.Add(s, "en")
		f.Add(s, "ro")
	}
	f.Fuzz(func(t *testing.T, s, locale string) {
		n := NormalizeNumber(s, locale)
		if n == s {
			return
		}
		d, err := ParseDecimal("x", n)
		if err != nil {
			if strings.ContainsAny(n, " ,") {
				t.Fatalf("NormalizeNumber(%q, %q) = %q: separators left in a rewritten number", s, locale, n)
			}
			return
		}
		for _, l := range []string{LocaleEN, LocaleTH} {
			if back := NormalizeNumber(d.String(), l); back != d.String() {
				t.Fatalf("canonical %s read in %s as %q", d, l, back)
			}
		}
	})
}
