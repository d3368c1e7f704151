//go:build !wasm

package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// uiTexts lists every English text of the UI: those of the page specs and
// tables, and every string literal passed to a tr method (or the two texts
// of plural) in the app's code.
func uiTexts(t *testing.T) map[string]bool {
	t.Helper()
	texts := map[string]bool{}
	add := func(ss ...string) {
		for _, s := range ss {
			if s != "" {
				texts[s] = true
			}
		}
	}
	addInputs := func(ins []inputSpec) {
		for _, in := range ins {
			add(in.Label, in.Unit, in.Hint)
			for _, c := range in.Choices {
				add(c.Label)
			}
		}
	}
	for _, s := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		add(s.Title, s.Lead)
		add(s.How...)
		addInputs(s.Inputs)
		addInputs(s.Totals)
		for _, g := range s.Goals {
			add(g.Label)
			if g.Unit != "$" && g.Unit != "%" {
				add(g.Unit)
			}
		}
	}
	addInputs(cacInputs)
	addInputs(cacParts)
	addInputs(leverInputs)
	for _, n := range navItems {
		add(n.Label)
	}
	for _, m := range metricLabels {
		add(m)
	}
	for _, c := range txColumns {
		add(c.label)
	}
	for _, c := range txDateChoices {
		add(c.Label)
	}
	for _, m := range errorMessages {
		add(m)
	}
	for _, m := range fitReasons {
		add(m)
	}
	for _, m := range fileReasons {
		add(m)
	}
	// String literals given to tr.
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			var texts []ast.Expr
			switch {
			case sel.Sel.Name == "tr":
				texts = call.Args[:1]
			case sel.Sel.Name == "plural" && len(call.Args) >= 3:
				texts = call.Args[1:3]
			}
			for _, arg := range texts {
				if lit, ok := arg.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					add(s)
				}
			}
			return true
		})
	}
	return texts
}

var placeholder = regexp.MustCompile(`\{[0-9]\}`)

// TestTranslationsComplete fails when a language file misses a text of the
// UI, has an empty or stale one, or changes the placeholders.
func TestTranslationsComplete(t *testing.T) {
	texts := uiTexts(t)
	if len(texts) < 100 {
		t.Fatalf("found only %d UI texts: the scan is broken", len(texts))
	}
	for _, lg := range languages[1:] {
		b, err := os.ReadFile(filepath.Join("i18n", lg.Code+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var cat map[string]string
		if err := json.Unmarshal(b, &cat); err != nil {
			t.Fatalf("i18n/%s.json: %v", lg.Code, err)
		}
		var missing []string
		for s := range texts {
			tr, ok := cat[s]
			switch {
			case !ok || strings.TrimSpace(tr) == "":
				missing = append(missing, s)
			case strings.Join(sortedMatches(s), " ") != strings.Join(sortedMatches(tr), " "):
				t.Errorf("i18n/%s.json: %q -> %q changes the placeholders", lg.Code, s, tr)
			}
		}
		sort.Strings(missing)
		for _, s := range missing {
			t.Errorf("i18n/%s.json lacks %q", lg.Code, s)
		}
		for s := range cat {
			if !texts[s] {
				t.Errorf("i18n/%s.json has %q, which the UI no longer shows", lg.Code, s)
			}
		}
	}
}

func sortedMatches(s string) []string {
	m := placeholder.FindAllString(s, -1)
	sort.Strings(m)
	return m
}

// TestLocaleChoose: a menu's choice changes its part of the locale only,
// and an unknown value or menu changes nothing.
func TestLocaleChoose(t *testing.T) {
	base := locale{Lang: "fr", Currency: "EUR"}
	tests := []struct {
		name, value string
		want        locale
	}{
		{"lang", "th", locale{Lang: "th", Currency: "EUR"}},
		{"cur", "RON", locale{Lang: "fr", Currency: "RON"}},
		{"lang", "xx", base},
		{"cur", "XYZ", base},
		{"other", "th", base},
	}
	for _, tt := range tests {
		if got := base.choose(tt.name, tt.value); got.Lang != tt.want.Lang || got.Currency != tt.want.Currency {
			t.Errorf("choose(%q, %q) = %s %s, want %s %s", tt.name, tt.value, got.Lang, got.Currency, tt.want.Lang, tt.want.Currency)
		}
	}
}
