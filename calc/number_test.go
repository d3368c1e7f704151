package calc

import (
	"strings"
	"testing"
)

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		in       string
		want     string // canonical decimal, when ok
		wantCode string // FieldError code, when not
	}{
		{"0", "0", ""},
		{"42", "42", ""},
		{"-5", "-5", ""},
		{"+7.25", "7.25", ""},
		{".5", "0.5", ""},
		{"5.", "5", ""},
		{"0.0000000001", "0.0000000001", ""},
		{"999999999999999", "999999999999999", ""},
		{" 12.5 ", "12.5", ""},
		{"", "", CodeRequired},
		{"   ", "", CodeRequired},
		{"abc", "", CodeNotANumber},
		{".", "", CodeNotANumber},
		{"-", "", CodeNotANumber},
		{"1.2.3", "", CodeNotANumber},
		{"1e5", "", CodeNotANumber},
		{"1e400", "", CodeNotANumber},
		{"NaN", "", CodeNotANumber},
		{"Infinity", "", CodeNotANumber},
		{"1,5", "", CodeNotANumber},
		{"0x10", "", CodeNotANumber},
		{"--5", "", CodeNotANumber},
		{"١٢", "", CodeNotANumber},
		{"<script>", "", CodeNotANumber},
		{"0.0000000000000001", "", CodeTooPrecise},
		{"1000000000000000", "", CodeTooLarge},
		{strings.Repeat("9", 10000), "", CodeTooLong},
	}
	for _, tt := range tests {
		got, err := ParseDecimal("f", tt.in)
		if tt.wantCode != "" {
			fe := ErrorFor(err, "f")
			if fe == nil || fe.Code != tt.wantCode {
				t.Errorf("ParseDecimal(%.20q) error = %v, want code %s", tt.in, err, tt.wantCode)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDecimal(%q) error: %v", tt.in, err)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("ParseDecimal(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// FuzzParseDecimal checks that the parser never panics, that whatever it
// accepts is within the input limits, and that its canonical form parses back
// to the same value.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0", "50", "-1.5", "1e9", "NaN", "", "999999999999999.9999999999", ".", "+.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal("f", s)
		if err != nil {
			if ErrorFor(err, "f") == nil {
				t.Fatalf("ParseDecimal(%q) error %v is not a *FieldError for f", s, err)
			}
			return
		}
		if d.Abs().Cmp(maxInput) > 0 {
			t.Fatalf("ParseDecimal(%q) = %s beyond the limit", s, d)
		}
		back, err := ParseDecimal("f", d.String())
		if err != nil || !back.Equal(d) {
			t.Fatalf("round trip of %q: %s -> %v, %v", s, d, back, err)
		}
	})
}
