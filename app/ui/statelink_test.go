//go:build !wasm

package ui

import (
	"fmt"
	"math"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// longCurve is a survival curve of n figures as the page shows it, one
// decimal each.
func longCurve(n int) string {
	f := make([]string, n)
	for i := range f {
		f[i] = strconv.FormatFloat(100*math.Pow(0.998, float64(i)), 'f', 1, 64)
	}
	return strings.Join(f, " ")
}

func TestPackState(t *testing.T) {
	coh, _ := cohortTable(30, 12)
	for _, q := range []url.Values{
		{},
		{"aov": {"50"}},
		{"aov": {""}, "lang": {"fr"}, "cur": {"EUR"}},
		{"coh": {coh}, "surv": {""}, "m": {"1 234,5"}},
		{"x": {"a&b=c%d+e f\x00\xff"}, "&=%": {"1", "2"}},
		{"m": {"๕๐", "\u202e5", "💸"}},
		{"surv": {longCurve(1201)}},
	} {
		got, err := unpackState(packState(q))
		if err != nil || !reflect.DeepEqual(got, q) && !(len(got) == 0 && len(q) == 0) {
			t.Errorf("unpackState(packState(%.80v)) = %.80v, %v", q, got, err)
		}
	}
}

// TestPackStateCut: a packed state cut short, or with a character
// changed, is refused, never read as a shorter state.
func TestPackStateCut(t *testing.T) {
	coh, _ := cohortTable(20, 10)
	data := packState(url.Values{"coh": {coh}, "m": {"100"}})
	for i := 0; i < len(data); i += 7 {
		if q, err := unpackState(data[:i]); err == nil {
			t.Fatalf("cut after %d of %d characters: read %.80v", i, len(data), q)
		}
	}
	for _, i := range []int{0, 5, len(data) / 2, len(data) - 1} {
		b := []byte(data)
		b[i] ^= 1
		if q, err := unpackState(string(b)); err == nil && !reflect.DeepEqual(q, url.Values{"coh": {coh}, "m": {"100"}}) {
			t.Errorf("character %d changed: read %.80v", i, q)
		}
	}
	for _, bad := range []string{"", "!!!!", "AAAA", "AAAAAAAA"} {
		if _, err := unpackState(bad); err == nil {
			t.Errorf("unpackState(%q) reads", bad)
		}
	}
}

// TestStateLink: a normal state is a plain query; a long one (the
// 1,201-value survival curve that made a 9.6 KB address, answered 414)
// goes into the fragment, which no server sees; one longer than a link
// may be is not offered.
func TestStateLink(t *testing.T) {
	const origin = "https://ltv.example"
	coh500, _ := cohortTable(500, 40)
	tests := []struct {
		name      string
		q         url.Values
		most      int
		ok, plain bool
	}{
		{"defaults", url.Values{"aov": {"50"}, "freq": {"2"}, "lang": {"en"}, "cur": {"USD"}}, maxShareLink, true, true},
		{"1,201 values", url.Values{"surv": {longCurve(1201)}, "lang": {"fr"}, "cur": {"EUR"}}, maxShareLink, true, false},
		{"500 cohorts, to share", url.Values{"coh": {coh500}, "lang": {"en"}, "cur": {"USD"}}, maxShareLink, false, false},
		{"500 cohorts, for the page", url.Values{"coh": {coh500}, "lang": {"en"}, "cur": {"USD"}}, maxPageURL, true, false},
	}
	for _, tt := range tests {
		link, ok := stateLink(origin+"/cohort", tt.q, tt.most)
		u, err := url.Parse(link)
		if err != nil || ok != tt.ok || ok && len(link) > tt.most {
			t.Errorf("%s: ok %v (%v), %d characters; want ok %v", tt.name, ok, err, len(link), tt.ok)
			continue
		}
		if target := len(u.RequestURI()); target > maxQueryTarget {
			t.Errorf("%s: the request target has %d bytes", tt.name, target)
		}
		if u.Query().Get("lang") != tt.q.Get("lang") {
			t.Errorf("%s: %.200s, want the language", tt.name, link)
		}
		if !ok {
			continue
		}
		if (u.Fragment == "") != tt.plain {
			t.Errorf("%s: %.200s, want a plain query %v", tt.name, link, tt.plain)
		}
		if got, _, err := stateOf(u); err != nil || !reflect.DeepEqual(got, tt.q) {
			t.Errorf("%s: the link reads back as %.80v, %v", tt.name, got, err)
		}
	}
}

// TestSetState: the page's own address carries its state: plain, packed
// or (over maxPageURL) the session mark, keeping what else the fragment
// holds (WordPress's secret), and reads back the same.
func TestSetState(t *testing.T) {
	huge := strings.Repeat("123456789\t987654321\t", 40_000) // 800 kB of figures
	for _, tt := range []struct {
		q       url.Values
		frag    string // of the address before
		session bool
	}{
		{url.Values{"aov": {"50"}}, "", false},
		{url.Values{"aov": {"50"}}, stateParam + "AAAA&?secret=abc", false},
		{url.Values{"surv": {longCurve(1201)}, "lang": {"th"}, "model": {"cohort"}}, "?secret=abc", false},
		{url.Values{"coh": {huge}}, "", true},
		{url.Values{"coh": {huge}}, stateParam + sessionMark + "&" + stateParam + "AAAA&?secret=abc", true},
	} {
		u, _ := url.Parse("https://ltv.example/embed?old=1")
		u.Fragment = tt.frag
		kept := setState(u, tt.q)
		what := fmt.Sprintf("%.60v in #%s", tt.q, tt.frag)
		if kept == tt.session || len(u.String()) > maxPageURL || len(u.RequestURI()) > maxQueryTarget {
			t.Errorf("%s: kept %v, %d characters, want session %v", what, kept, len(u.String()), tt.session)
		}
		if strings.Contains(tt.frag, "?secret=abc") && !strings.HasSuffix(u.Fragment, "?secret=abc") {
			t.Errorf("%s: fragment %.80s lost the secret", what, u.Fragment)
		}
		back, _ := url.Parse(u.String())
		got, inSession, err := stateOf(back)
		if err != nil || inSession != tt.session {
			t.Errorf("%s: reads back in session %v, %v", what, inSession, err)
		}
		if !tt.session && !reflect.DeepEqual(got, tt.q) {
			t.Errorf("%s: reads back as %.80v", what, got)
		}
	}
}

// TestPageState: a page writes its state into its address and a page at
// that address reads the same inputs: a plain query, a fragment, or the
// session; a cut fragment or a session gone says so on the page.
func TestPageState(t *testing.T) {
	coh, _ := cohortTable(800, 60)
	huge, _ := cohortTable(1200, 83)
	huge = strings.Repeat(huge, 2) // over the limits, and over maxPageURL packed
	for _, q := range []url.Values{
		{"coh": {"1000 800 600\n900 700"}, "surv": {""}},
		{"coh": {coh}, "surv": {""}, "m": {"120"}, "lang": {"ro"}},
		{"coh": {huge}, "surv": {""}},
	} {
		p := newCalcPage(cohortSpec)
		p.load(q)
		u, _ := url.Parse("https://ltv.example/cohort?lang=en")
		p.carryState(u)
		if len(u.String()) > maxPageURL || len(u.RequestURI()) > maxQueryTarget || p.links.note != noteNone {
			t.Errorf("%.40v: address of %d characters, request target %d, note %d", q, len(u.String()), len(u.RequestURI()), p.links.note)
		}
		again := newCalcPage(cohortSpec)
		again.load(again.stateFrom(u))
		if !reflect.DeepEqual(again.text, p.text) || again.links.note != noteNone {
			t.Errorf("%.40v: a reload reads other inputs (note %d)", q, again.links.note)
		}
	}
	u, _ := url.Parse("https://ltv.example/cohort?lang=en#" + stateParam + packState(url.Values{"coh": {coh}})[:5000])
	p := newCalcPage(cohortSpec)
	p.load(p.stateFrom(u))
	if p.links.note != noteCut || !strings.Contains(app.HTMLString(p), "it looks cut short") || p.text["coh"] != "" {
		t.Errorf("a cut link: note %d, coh %.20q", p.links.note, p.text["coh"])
	}
	sessionDelete(sessionKey)
	u, _ = url.Parse("https://ltv.example/cohort?lang=en#" + stateParam + sessionMark)
	p.load(p.stateFrom(u))
	if p.links.note != noteLost {
		t.Errorf("a session gone: note %d", p.links.note)
	}
}

// TestShareTooLarge: the Share dialog offers a link and an embed of the
// figures while they fit in a link, and says plainly when they do not,
// offering the file instead.
func TestShareTooLarge(t *testing.T) {
	coh, _ := cohortTable(500, 40)
	for _, tt := range []struct {
		q        url.Values
		tooBig   bool
		fragment bool
	}{
		{url.Values{"coh": {"1000 800 600"}, "surv": {""}}, false, false},
		{url.Values{"surv": {longCurve(1201)}, "hzp": {"1200"}}, false, true},
		{url.Values{"coh": {coh}, "surv": {""}}, true, false},
	} {
		p := newCalcPage(cohortSpec)
		p.load(tt.q)
		p.origin = "https://ltv.example"
		html := app.HTMLString(p.share().render())
		if got := strings.Contains(html, `id="share-too-large"`); got != tt.tooBig || strings.Contains(html, `id="share-link"`) == tt.tooBig {
			t.Errorf("%.40v: too large shown %v, want %v", tt.q, got, tt.tooBig)
		}
		if tt.tooBig && !strings.Contains(html, `id="share-download"`) {
			t.Errorf("%.40v: no download offered", tt.q)
		}
		if !tt.tooBig && strings.Contains(html, "#"+stateParam) != tt.fragment {
			t.Errorf("%.40v: the link's state in the fragment %v, want %v", tt.q, !tt.fragment, tt.fragment)
		}
	}
}

// FuzzUnpackState: any fragment is read without panicking, as a state or
// as errBadState; a state read packs back into one that reads the same.
func FuzzUnpackState(f *testing.F) {
	coh, _ := cohortTable(5, 6)
	for _, q := range []url.Values{{}, {"aov": {"50"}}, {"coh": {coh}, "lang": {"fr"}}, {"x": {"&=%\x00é"}}} {
		f.Add(packState(q))
	}
	f.Add("")
	f.Add(sessionMark)
	f.Fuzz(func(t *testing.T, data string) {
		q, err := unpackState(data)
		if err != nil {
			if err != errBadState {
				t.Fatalf("unpackState(%q): %v", data, err)
			}
			return
		}
		again, err := unpackState(packState(q))
		if err != nil || !reflect.DeepEqual(again, q) && len(q) > 0 {
			t.Fatalf("unpackState(%q) = %v, which packs and reads back as %v, %v", data, q, again, err)
		}
		u, _ := url.Parse("https://ltv.example/cohort#" + stateParam + data)
		stateOf(u)
	})
}

// TestLinkTo: going to another calculator with a state (a saved scenario
// or a file of another model) uses an address a reload can reopen: plain,
// packed, or the session's.
func TestLinkTo(t *testing.T) {
	coh, _ := cohortTable(800, 60)
	huge := strings.Repeat(coh, 3)
	for _, tt := range []struct {
		q    url.Values
		want string // what the address ends with
	}{
		{url.Values{"aov": {"50"}}, "?aov=50"},
		{url.Values{"coh": {coh}, "lang": {"en"}}, ""},
		{url.Values{"coh": {huge}, "lang": {"en"}}, "#" + stateParam + sessionMark},
	} {
		sessionDelete(sessionKey)
		link := linkTo("/cohort", tt.q)
		u, err := url.Parse(link)
		if err != nil || len(link) > maxPageURL || len(u.RequestURI()) > maxQueryTarget || !strings.HasSuffix(link, tt.want) {
			t.Errorf("%.40v: %.80s... (%d characters), want it to end with %q", tt.q, link, len(link), tt.want)
			continue
		}
		p := newCalcPage(cohortSpec)
		if got := p.stateFrom(u); !reflect.DeepEqual(got, tt.q) || p.links.note != noteNone {
			t.Errorf("%.40v: the address reads as %.40v (note %d)", tt.q, got, p.links.note)
		}
	}
}

// TestStateOfTypedBeforeApp: what is typed into the prerendered page of a
// link with a packed state (web/page.js puts it in the query) wins over
// the link's; with the session mark before the packed state, the session's
// state wins over both.
func TestStateOfTypedBeforeApp(t *testing.T) {
	packed := packState(url.Values{"aov": {"50"}, "freq": {"2"}, "lang": {"fr"}})
	u, _ := url.Parse("https://ltv.example/?lang=fr&aov=80#" + stateParam + packed)
	q, inSession, err := stateOf(u)
	if err != nil || inSession || q.Get("aov") != "80" || q.Get("freq") != "2" {
		t.Errorf("typed over a link: %v, %v, %v", q, inSession, err)
	}
	sessionDelete(sessionKey)
	if err := keepInSession("/", url.Values{"aov": {"90"}, "lang": {"fr"}}); err != nil {
		t.Fatal(err)
	}
	u, _ = url.Parse("https://ltv.example/?lang=fr#" + stateParam + sessionMark + "&" + stateParam + packed)
	p := newCalcPage(purchaseSpec)
	p.load(p.stateFrom(u))
	if p.text["aov"] != "90" || p.text["freq"] != "2" || p.links.note != noteNone {
		t.Errorf("the session over a link: aov %q, freq %q, note %d", p.text["aov"], p.text["freq"], p.links.note)
	}
	sessionDelete(sessionKey)
}
