//go:build !wasm

package ui

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderPage renders a calculator for a URL query, as the prerender does.
func renderPage(t *testing.T, spec *pageSpec, query string) string {
	t.Helper()
	p := pageFor(t, spec, query)
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return app.HTMLString(p)
}

func TestCalcPageDefaults(t *testing.T) {
	tests := []struct {
		spec *pageSpec
		want []string
	}{
		// The seeds' example: 2 purchases a year x $50 x 3 years = $300.
		{purchaseSpec, []string{`for="aov"`, `for="freq"`, `for="years"`, "Average order value", ">$300.00</output>", "Healthy"}},
		// FORMULAS.md: ARPA $100, churn 5 %, margin 80 %: $1,600.
		{subscriptionSpec, []string{`for="arpa"`, `for="mchurn"`, ">$1,600.00</output>", "20 months"}},
		// FORMULAS.md, Fader & Hardie (2007) regular segment, years 0-7:
		// a = 0.704, b = 1.182, LL about -1680.27.
		{cohortSpec, []string{`for="surv"`, "0.704", "1.18", "-1,680.27", `role="img"`}},
	}
	for _, tt := range tests {
		t.Run(tt.spec.Model, func(t *testing.T) {
			html := renderPage(t, tt.spec, "")
			for _, want := range tt.want {
				if !strings.Contains(html, want) {
					t.Errorf("%s page lacks %q", tt.spec.Model, want)
				}
			}
			if strings.Contains(html, "stale-note") {
				t.Errorf("%s default page is marked out of date", tt.spec.Model)
			}
			for _, bad := range []string{"NaN", "Inf", "<nil>", "%!"} {
				if strings.Contains(html, bad) {
					t.Errorf("%s page shows %q", tt.spec.Model, bad)
				}
			}
		})
	}
}

func TestCalcPageInputs(t *testing.T) {
	tests := []struct {
		name      string
		spec      *pageSpec
		query     string
		wantLTV   string // the result shown
		wantText  string // a text shown, "" for none
		wantStale bool   // a field is marked invalid
	}{
		{"seed example", purchaseSpec, "aov=50&freq=2&years=3", "$300.00", "", false},
		{"new figures", purchaseSpec, "aov=80&freq=3&years=2", "$480.00", "", false},
		{"thousands", purchaseSpec, "aov=1234.5&freq=10&years=4", "$49,380.00", "", false},
		{"gross margin", purchaseSpec, "aov=50&freq=2&years=3&gm=40", "$120.00", "$300.00 of revenue", false},
		{"churn instead of years", purchaseSpec, "years=&churn=25", "$400.00", "", false},
		// A link with a bad figure shows none: the defaults' figures are
		// not the link's.
		{"bad field shows no figures", purchaseSpec, "aov=abc", "–", "not a number", true},
		{"negative", purchaseSpec, "freq=-2", "–", "must be", true},
		{"margin over 100", purchaseSpec, "gm=180", "–", "Fix the highlighted fields to see your figures.", true},
		// Seed 004: AOV = revenue / purchases = 12,000 / 300 = $40;
		// frequency = purchases / customers = 300 / 100 = 3; lifetime =
		// customer-years / customers = 250 / 100 = 2.5: LTV = $300.
		{"from totals", purchaseSpec, "rev=12000&orders=300&cust=100&cyears=250", "$300.00", "$120.00 a year (3 x $40.00) x 2.5 years", false},
		{"CAC from parts", purchaseSpec, "cac=&mkt=1000&newc=10", "$300.00", "$100.00", false},
		// Seed 002: spend plus hours x rate, over the new customers:
		// (2,000 + 500) / 10 + 4 h x $25 = $350, over the CAC typed above.
		{"CAC parts with no CAC typed", purchaseSpec, "cac=&mkt=2000&ovh=500&hrs=4&rate=25&newc=10", "$300.00", "$350.00", false},
		// A CAC typed wins, as its field says, and the parts say so.
		{"CAC typed over its parts", purchaseSpec, "cac=100&mkt=2000&ovh=500&hrs=4&rate=25&newc=10", "$300.00", "Not used while a CAC is typed above", false},
		{"payback rule", subscriptionSpec, "arpa=200&gm=80&cac=1200", "", "7.5 months", false},
		{"what-if", subscriptionSpec, "wchurn=-1", "$1,600.00", "$2,000.00", false},
		{"lever that does not apply", purchaseSpec, "wbill=annual", "$300.00", "", false},
		{"cohort given a and b", cohortSpec, "surv=&a=0.704&b=1.182", "", "0.704", false},
		{"cohort rising curve", cohortSpec, "surv=100+80+90", "–", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := renderPage(t, tt.spec, tt.query)
			if tt.wantLTV != "" {
				if want := ">" + tt.wantLTV + "</output>"; !strings.Contains(html, want) {
					t.Errorf("page(%s) lacks %s", tt.query, want)
				}
			}
			if tt.wantText != "" && !strings.Contains(html, tt.wantText) {
				t.Errorf("page(%s) lacks %q", tt.query, tt.wantText)
			}
			if strings.Contains(html, `id="stale-note"`) {
				t.Errorf("page(%s) says its figures are out of date: a page opened with a link has no figures of before", tt.query)
			}
			if got := strings.Contains(html, "aria-invalid"); got != tt.wantStale {
				t.Errorf("page(%s) aria-invalid = %v, want %v", tt.query, got, tt.wantStale)
			}
		})
	}
}

func TestParseTable(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"100 63.1 46.8", "[[100 63.1 46.8]]"},
		{"100\t63.1\t46.8", "[[100 63.1 46.8]]"},
		{"100,63.1,46.8", "[[100 63.1 46.8]]"},
		{"100;63,1;46,8", "[[100 63,1 46,8]]"},
		{"100%\n63.1%\n", "[[100] [63.1]]"},
		{"1000 631 468\r\n800 500\n\n", "[[1000 631 468] [800 500]]"},
		{"", "[]"},
	}
	for _, tt := range tests {
		got := parseTable(tt.in)
		var b strings.Builder
		b.WriteString("[")
		for i, r := range got {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString("[")
			for j, n := range r {
				if j > 0 {
					b.WriteString(" ")
				}
				b.WriteString(string(n))
			}
			b.WriteString("]")
		}
		b.WriteString("]")
		if b.String() != tt.want {
			t.Errorf("parseTable(%q) = %s, want %s", tt.in, b.String(), tt.want)
		}
	}
}

// FuzzParseTable: pasted data never panics the parser, and every figure it
// returns is trimmed text of the input.
func FuzzParseTable(f *testing.F) {
	for _, s := range []string{"100 63.1 46.8", "1000\t631\n800\t500", "100;63,1", "", "\n\n", "a,b;c\td"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, row := range parseTable(s) {
			if len(row) == 0 {
				t.Fatalf("parseTable(%q) has an empty row", s)
			}
			for _, n := range row {
				if n == "" || !strings.Contains(s, strings.TrimSuffix(string(n), "%")) {
					t.Fatalf("parseTable(%q) made up %q", s, n)
				}
			}
		}
	})
}

// TestStateFromScenarioWhatIf: the what-if levers a saved scenario or a
// scenario file keeps open as the same levers and the same comparison; the
// levers a model does not have are left out.
func TestStateFromScenarioWhatIf(t *testing.T) {
	for _, tt := range []struct {
		spec  *pageSpec
		query string
		want  []string // lever keys kept
	}{
		{purchaseSpec, "aov=70&gm=40&cac=120&wchurn=-2&wprice=10&welast=-0.5&wgm=5&wcac=-20", []string{"wchurn", "wprice", "welast", "wgm", "wcac"}},
		{subscriptionSpec, "cac=300&wchurn=-1&wbill=annual&wcac=10", []string{"wchurn", "wbill", "wcac"}},
		{cohortSpec, "surv=100+60+45&m=80&cac=250&wcac=-20", []string{"wcac"}},
	} {
		p := pageFor(t, tt.spec, tt.query)
		q, _ := url.ParseQuery(tt.query)
		want := p.withWhatIf()
		if want.Changes == nil {
			t.Fatalf("%s: no what-if in %+v", tt.spec.Model, want)
		}
		gotSpec, state := stateFromScenario(want)
		for _, k := range tt.want {
			if state.Get(k) != q.Get(k) {
				t.Errorf("%s: lever %s = %q, want %q", tt.spec.Model, k, state.Get(k), q.Get(k))
			}
		}
		back := newCalcPage(gotSpec)
		back.load(state)
		if got := back.withWhatIf(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: scenario -> state -> scenario\n got %+v\nwant %+v", tt.spec.Model, got, want)
		}
		if !reflect.DeepEqual(back.view.Compare, p.view.Compare) || len(p.view.Compare) == 0 {
			t.Errorf("%s: comparison %+v after the round trip, want %+v (error %v)", tt.spec.Model, back.view.Compare, p.view.Compare, p.err)
		}
	}
}

// TestStateFromScenario: a scenario file opens as the same figures, and
// exporting the page again gives the same scenario.
func TestStateFromScenario(t *testing.T) {
	for _, spec := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		p := newCalcPage(spec)
		q, _ := url.ParseQuery("aov=70&mchurn=3.5&surv=100+60+45&m=80&cac=250")
		p.load(q)
		want := p.scenario()
		gotSpec, state := stateFromScenario(want)
		if gotSpec != spec {
			t.Fatalf("%s scenario opened as %s", spec.Model, gotSpec.Model)
		}
		back := newCalcPage(gotSpec)
		back.load(state)
		if got := back.scenario(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: scenario -> state -> scenario\n got %+v\nwant %+v", spec.Model, got, want)
		}
		if back.view.LTV != p.view.LTV {
			t.Errorf("%s: LTV %s after the round trip, want %s", spec.Model, back.view.LTV, p.view.LTV)
		}
	}
}
