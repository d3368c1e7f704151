//go:build !wasm

package ui

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// entry is a stored entry as JSON.
func entry(id, name, scenario string) string {
	return `{"id":` + jsString(id) + `,"name":` + jsString(name) + `,"model":"subscription","saved_at":"2025-03-14T13:05:00Z","scenario":` + scenario + `}`
}

const (
	subScenario = `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80"}`
	purScenario = `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3"}`
)

func doc(entries ...string) string {
	return `{"version":1,"scenarios":[` + strings.Join(entries, ",") + `]}`
}

func TestReadSaved(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		present   bool
		wantNames []string
		skipped   int
		problem   string
	}{
		{"nothing saved", "", false, nil, 0, ""},
		{"empty list", `{"version":1,"scenarios":[]}`, true, nil, 0, ""},
		{"no scenarios field", `{"version":1}`, true, nil, 0, ""},
		{"two", doc(entry("a1", "Plan A", subScenario), entry("b2", "Plan B", purScenario)), true, []string{"Plan A", "Plan B"}, 0, ""},
		{"unknown entry fields are fine", doc(`{"id":"a1","name":"A","scenario":` + subScenario + `,"colour":"red"}`), true, []string{"A"}, 0, ""},
		// One bad entry among good ones: reported and skipped.
		{"entry not an object", doc(`"oops"`, entry("a1", "Plan A", subScenario)), true, []string{"Plan A"}, 1, ""},
		{"entry null", doc(`null`, entry("a1", "Plan A", subScenario)), true, []string{"Plan A"}, 1, ""},
		{"scenario calc cannot read", doc(entry("a1", "Plan A", `{"model":"subscription","arpa":"100"}`), entry("b2", "B", subScenario)), true, []string{"B"}, 1, ""},
		{"scenario not an object", doc(entry("a1", "Plan A", `[1,2]`)), true, nil, 1, ""},
		{"no scenario", doc(`{"id":"a1","name":"A"}`), true, nil, 1, ""},
		{"unknown model", doc(entry("a1", "A", `{"model":"lottery"}`)), true, nil, 1, ""},
		{"missing name", doc(`{"id":"a1","scenario":`+subScenario+`}`, entry("b2", "B", subScenario)), true, []string{"B"}, 1, ""},
		{"blank name", doc(entry("a1", "   ", subScenario)), true, nil, 1, ""},
		{"name not a string", doc(`{"id":"a1","name":7,"scenario":` + subScenario + `}`), true, nil, 1, ""},
		{"missing id", doc(`{"name":"A","scenario":` + subScenario + `}`), true, nil, 1, ""},
		{"id with markup", doc(entry(`"><b>`, "A", subScenario)), true, nil, 1, ""},
		{"duplicate id", doc(entry("a1", "A", subScenario), entry("a1", "A again", subScenario)), true, []string{"A"}, 1, ""},
		{"three bad", doc(`1`, `[]`, `{}`), true, nil, 3, ""},
		// The document as a whole: left alone.
		{"newer version", `{"version":2,"scenarios":"a format of the future"}`, true, nil, 0, docNewer},
		{"version 0", `{"version":0,"scenarios":[]}`, true, nil, 0, docUnreadable},
		{"version not a number", `{"version":"one","scenarios":[]}`, true, nil, 0, docUnreadable},
		{"version fractional", `{"version":1.5,"scenarios":[]}`, true, nil, 0, docUnreadable},
		{"no version", `{"scenarios":[]}`, true, nil, 0, docUnreadable},
		{"scenarios not a list", `{"version":1,"scenarios":{}}`, true, nil, 0, docUnreadable},
		{"garbage", `{{{not json`, true, nil, 0, docUnreadable},
		{"empty string", ``, true, nil, 0, docUnreadable},
		{"null", `null`, true, nil, 0, docUnreadable},
		{"a list", `[1,2]`, true, nil, 0, docUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := readSaved(tt.text, tt.present)
			var names []string
			for _, s := range l.Items {
				names = append(names, s.Name)
			}
			if !reflect.DeepEqual(names, tt.wantNames) || l.Skipped != tt.skipped || l.Problem != tt.problem {
				t.Errorf("readSaved(%s) = names %q, skipped %d, problem %q; want %q, %d, %q",
					tt.text, names, l.Skipped, l.Problem, tt.wantNames, tt.skipped, tt.problem)
			}
		})
	}
}

func TestReadSavedEntry(t *testing.T) {
	l := readSaved(doc(entry("a1", "Plan A", subScenario)), true)
	if len(l.Items) != 1 {
		t.Fatalf("got %d scenarios, want 1", len(l.Items))
	}
	s := l.Items[0]
	if s.ID != "a1" || s.Model != calc.ModelSubscription || !s.SavedAt.Equal(time.Date(2025, 3, 14, 13, 5, 0, 0, time.UTC)) {
		t.Errorf("entry = %+v", s)
	}
	r, err := s.Scenario.Evaluate()
	if err != nil || r.LTV != "1600.00" {
		t.Errorf("stored scenario evaluates to %q, %v; want 1600.00", r.LTV, err)
	}
}

func TestSavedListChanges(t *testing.T) {
	now := time.Date(2025, 3, 14, 13, 5, 0, 0, time.UTC)
	sub, err := calc.ParseScenario([]byte(subScenario))
	if err != nil {
		t.Fatal(err)
	}
	// A document with an entry this version cannot read, which every
	// change keeps as it is.
	const broken = `{"id":"x9","name":"From the future","scenario":{"model":"subscription","hover_mode":"on"}}`
	l := readSaved(doc(broken, entry("a1", "Plan A", subScenario)), true)
	reread := func() {
		t.Helper()
		text, err := l.encode()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, `"hover_mode":"on"`) {
			t.Errorf("the unreadable entry was lost: %s", text)
		}
		l = readSaved(text, true)
		if l.Problem != "" || l.Skipped != 1 {
			t.Fatalf("after a change: problem %q, skipped %d: %s", l.Problem, l.Skipped, text)
		}
	}

	id, err := l.add("Plan B", sub, now)
	if err != nil {
		t.Fatal(err)
	}
	reread()
	if got := names(l); !reflect.DeepEqual(got, []string{"Plan B", "Plan A"}) {
		t.Errorf("after add: %q, want the new one first", got)
	}
	if s, _ := l.find(id); !s.SavedAt.Equal(now) || s.Model != calc.ModelSubscription || !reflect.DeepEqual(s.Scenario, sub) {
		t.Errorf("added entry = %+v", s)
	}
	if id2, _ := l.add("Plan B", sub, now); id2 == id {
		t.Errorf("two scenarios saved at the same time share the id %q", id)
	}
	reread()

	if err := l.rename("a1", "Plan A, 4 % churn"); err != nil {
		t.Fatal(err)
	}
	reread()
	if s, _ := l.find("a1"); s.Name != "Plan A, 4 % churn" {
		t.Errorf("after rename: %q", s.Name)
	}
	if err := l.remove(id); err != nil {
		t.Fatal(err)
	}
	reread()
	if got := names(l); !reflect.DeepEqual(got, []string{"Plan B", "Plan A, 4 % churn"}) {
		t.Errorf("after remove: %q", got)
	}
	if err := l.remove("nope"); err != errNotFound {
		t.Errorf("remove(unknown) = %v, want errNotFound", err)
	}
	if err := l.rename("x9", "new"); err != errNotFound {
		t.Errorf("rename(unreadable entry) = %v, want errNotFound", err)
	}
}

func names(l savedList) []string {
	var out []string
	for _, s := range l.Items {
		out = append(out, s.Name)
	}
	return out
}

func TestSavedListLimits(t *testing.T) {
	now := time.Now()
	s := calc.Scenario{Model: calc.ModelPurchase}
	var l savedList
	for i := range maxSaved {
		if _, err := l.add("n", s, now); err != nil {
			t.Fatalf("add #%d: %v", i+1, err)
		}
		text, _ := l.encode()
		l = readSaved(text, true)
	}
	if _, err := l.add("one too many", s, now); err != errTooMany {
		t.Errorf("add #%d = %v, want errTooMany", maxSaved+1, err)
	}
	for _, problem := range []string{docNewer, docUnreadable} {
		l := savedList{Problem: problem}
		if _, err := l.add("x", s, now); err != errDocProblem {
			t.Errorf("%s: add = %v, want errDocProblem", problem, err)
		}
		if err := l.remove("a1"); err != errDocProblem {
			t.Errorf("%s: remove = %v, want errDocProblem", problem, err)
		}
		if err := l.rename("a1", "x"); err != errDocProblem {
			t.Errorf("%s: rename = %v, want errDocProblem", problem, err)
		}
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct {
		in, want string
		err      error
	}{
		{"  Plan A ", "Plan A", nil},
		{"two\nlines\t", "two lines", nil},
		{"", "", nil},
		{"   ", "", nil},
		{strings.Repeat("é", maxNameRunes), strings.Repeat("é", maxNameRunes), nil},
		{strings.Repeat("ก", maxNameRunes+1), "", errNameTooLong},
	}
	for _, tt := range tests {
		got, err := cleanName(tt.in)
		if got != tt.want || err != tt.err {
			t.Errorf("cleanName(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// The section natively, as prerendered and with a list: names appear only
// as escaped element text.
func TestSavedScenariosRender(t *testing.T) {
	const evil = `<img src=x onerror=alert(1)> "quoted"`
	tests := []struct {
		name    string
		c       *savedScenarios
		want    []string
		wantNot []string
	}{
		{"prerendered", &savedScenarios{},
			[]string{`id="scenarios"`, "Your scenarios", `id="scenario-save"`, `id="scenario-name"`, `maxlength="80"`,
				`id="scenario-export-json"`, `id="scenario-export-csv"`, `id="scenario-print"`, `type="file"`,
				`accept="application/json,.json"`, `for="scenario-import"`, "at most 4,096 KiB", "appear here once the page has loaded"},
			[]string{"scenario-list\""}},
		{"empty", &savedScenarios{loaded: true}, []string{"No saved scenarios yet."}, []string{"scenario-skipped"}},
		{"listed", &savedScenarios{loaded: true, list: readSaved(doc(`7`, entry("a1", evil, subScenario), entry("b2", "Plan B", purScenario)), true)},
			[]string{`id="scenario-list"`, `id="scenario-open-0"`, `id="scenario-renamebtn-1"`, `id="scenario-delete-1"`,
				"&lt;img src=x onerror=alert(1)&gt; &#34;quoted&#34;", ">Plan B</span>", "Subscription · ", "Purchases · ",
				"1 saved scenario could not be read and was skipped."},
			[]string{"<img", "No saved scenarios yet."}},
		{"renaming", &savedScenarios{loaded: true, renaming: "a1", list: readSaved(doc(entry("a1", evil, subScenario)), true)},
			[]string{`id="scenario-rename-0"`, `for="scenario-rename-0"`, "New name for “&lt;img", `id="scenario-rename-save-0"`},
			[]string{"<img", `value=`}},
		{"confirming", &savedScenarios{loaded: true, deleting: "a1", list: readSaved(doc(entry("a1", "Plan A", subScenario)), true)},
			[]string{"Delete “Plan A”?", `id="scenario-confirm-0"`, `id="scenario-keep-0"`}, []string{`id="scenario-delete-0"`}},
		{"skipped several", &savedScenarios{loaded: true, list: readSaved(doc(`1`, `2`), true)},
			[]string{"2 saved scenarios could not be read and were skipped.", "No saved scenarios yet."}, nil},
		{"unreadable", &savedScenarios{loaded: true, list: readSaved("{{", true)},
			[]string{"stored data is damaged", `id="scenario-start-over"`}, []string{`id="scenario-save"`}},
		{"newer", &savedScenarios{loaded: true, list: readSaved(`{"version":3}`, true)},
			[]string{"newer version of LTV Lab"}, []string{`id="scenario-save"`, "scenario-start-over"}},
		{"no storage", &savedScenarios{loaded: true, noStore: true},
			[]string{"download them as JSON instead"}, []string{`id="scenario-save"`}},
		{"import errors", &savedScenarios{loaded: true, importName: evil, importErrs: []string{"Monthly churn: not a number"}},
			[]string{"“&lt;img", "could not be opened:", "<li>Monthly churn: not a number</li>"}, []string{"<img"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.Loc = defaultLocale
			tt.c.Model = calc.ModelSubscription
			e := app.NewTestEngine()
			if err := e.Load(tt.c); err != nil {
				t.Fatal(err)
			}
			e.ConsumeAll()
			html := app.HTMLString(tt.c)
			for _, want := range tt.want {
				if !strings.Contains(html, want) {
					t.Errorf("lacks %q in\n%s", want, html)
				}
			}
			for _, bad := range tt.wantNot {
				if strings.Contains(html, bad) {
					t.Errorf("shows %q in\n%s", bad, html)
				}
			}
		})
	}
}

// The calculator pages carry the section.
func TestCalcPageHasScenarios(t *testing.T) {
	for _, spec := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		if html := renderPage(t, spec, ""); !strings.Contains(html, `id="scenarios"`) {
			t.Errorf("%s page lacks the scenarios section", spec.Model)
		}
	}
}

// The stored document round-trips through the native stand-in storage the
// way the section uses it.
func TestSavedScenariosChange(t *testing.T) {
	memStorage.Lock()
	memStorage.items = map[string]string{savedKey: doc(`"bad"`, entry("a1", "Plan A", subScenario))}
	memStorage.Unlock()
	c := &savedScenarios{Loc: defaultLocale}
	c.reload()
	if len(c.list.Items) != 1 || c.list.Skipped != 1 {
		t.Fatalf("loaded %d scenarios, %d skipped; want 1 and 1", len(c.list.Items), c.list.Skipped)
	}
	s := c.list.Items[0].Scenario
	if err := c.change(func(l *savedList) error { _, err := l.add("Plan B", s, time.Now()); return err }); err != nil {
		t.Fatal(err)
	}
	stored, _, _ := storageGet(savedKey)
	var d struct {
		Version   int               `json:"version"`
		Scenarios []json.RawMessage `json:"scenarios"`
	}
	if err := json.Unmarshal([]byte(stored), &d); err != nil || d.Version != 1 || len(d.Scenarios) != 3 {
		t.Errorf("stored %s (%v), want version 1 and 3 entries, the bad one kept", stored, err)
	}
	if got := names(c.list); !reflect.DeepEqual(got, []string{"Plan B", "Plan A"}) {
		t.Errorf("listed %q", got)
	}
	// A document that cannot be read is not overwritten.
	memStorage.Lock()
	memStorage.items[savedKey] = `{"version":9}`
	memStorage.Unlock()
	if err := c.change(func(l *savedList) error { _, err := l.add("C", s, time.Now()); return err }); err != errDocProblem {
		t.Errorf("change on a newer document = %v, want errDocProblem", err)
	}
	if stored, _, _ := storageGet(savedKey); stored != `{"version":9}` {
		t.Errorf("a newer document was overwritten: %s", stored)
	}
	if c.list.Problem != docNewer {
		t.Errorf("problem = %q, want %q", c.list.Problem, docNewer)
	}
}

// TestSavedTooManyMessage: a stored document with more scenarios than the
// page keeps (200, written elsewhere) lists them all, and the page says how
// many there are when it cannot save another, not the most it keeps.
func TestSavedTooManyMessage(t *testing.T) {
	var entries []string
	for i := range 200 {
		entries = append(entries, entry("s"+strconv.Itoa(i), "Plan "+strconv.Itoa(i), subScenario))
	}
	for _, tt := range []struct {
		n    int
		want string
	}{
		{200, "You have 200 saved scenarios and this page keeps at most 100: delete 101 of them to save another."},
		{100, "You have 100 saved scenarios, the most this page keeps: delete one to save another."},
	} {
		memStorage.Lock()
		memStorage.items = map[string]string{savedKey: doc(entries[:tt.n]...)}
		memStorage.Unlock()
		c := &savedScenarios{Loc: defaultLocale, Model: calc.ModelSubscription, Page: newCalcPage(subscriptionSpec)}
		c.reload()
		if len(c.list.Items) != tt.n {
			t.Fatalf("listed %d scenarios, want %d", len(c.list.Items), tt.n)
		}
		s := c.Page.withWhatIf()
		if err := c.change(func(l *savedList) error { _, err := l.add("one more", s, time.Now()); return err }); err != errTooMany {
			t.Fatalf("saving one more: %v, want errTooMany", err)
		}
		c.fail(errTooMany)
		if c.failure != tt.want {
			t.Errorf("%d stored: %q, want %q", tt.n, c.failure, tt.want)
		}
	}
	memStorage.Lock()
	memStorage.items = map[string]string{}
	memStorage.Unlock()
}

// TestReadSavedLengths: an entry longer than a scenario may be is skipped
// unread; entries with numbers of a megabyte are read at once (calc keeps
// a number longer than a figure unread: three such entries froze every
// page load for 22 s).
func TestReadSavedLengths(t *testing.T) {
	huge := `{"model":"purchase","average_order_value":` + strings.Repeat("9", 1<<20) + `e0}`
	long := `{"model":"purchase","cash_timing":"` + strings.Repeat("x", calc.MaxScenarioBytes) + `"}`
	l := readSaved(doc(entry("a1", "A", huge), entry("a2", "B", huge), entry("a3", "C", huge), entry("a4", "D", long), entry("a5", "E", subScenario)), true)
	if len(l.Items) != 4 || l.Skipped != 1 || l.Items[3].Name != "E" {
		t.Errorf("read %d scenarios, skipped %d; want 4 and the long one skipped", len(l.Items), l.Skipped)
	}
	if _, err := l.Items[0].Scenario.Evaluate(); calc.ErrorFor(err, calc.FieldAverageOrderValue) == nil {
		t.Errorf("the number of a megabyte: %v, want an error on it", err)
	}
}

// BenchmarkReadSavedHugeNumbers reads a stored document of three entries
// with a number of a megabyte each, as on every page load.
func BenchmarkReadSavedHugeNumbers(b *testing.B) {
	huge := `{"model":"purchase","average_order_value":` + strings.Repeat("9", 1<<20) + `e0}`
	text := doc(entry("a1", "A", huge), entry("a2", "B", huge), entry("a3", "C", huge))
	b.ReportAllocs()
	for b.Loop() {
		if l := readSaved(text, true); len(l.Items) != 3 {
			b.Fatal(l.Skipped)
		}
	}
}
