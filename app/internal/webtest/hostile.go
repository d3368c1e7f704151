//go:build !wasm

package webtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The hostile-input table of calc (calc/testdata/hostile.json, its "about"
// says how to read a row), which the eval command, the calculator pages and
// the running app are each tested against.

// HostileRow is one row of the table.
type HostileRow struct {
	Name    string            `json:"name"`
	In      string            `json:"in"`
	Repeat  int               `json:"repeat"`
	Lang    string            `json:"lang"`
	Outcome string            `json:"want"`
	Value   string            `json:"value"`
	Fields  map[string]string `json:"fields"`
	Plain   string            `json:"plain"`
}

// Input is the input of the row.
func (r HostileRow) Input() string {
	if r.Repeat > 0 {
		return strings.Repeat(r.In, r.Repeat)
	}
	return r.In
}

// Language is the language the row is typed in.
func (r HostileRow) Language() string {
	if r.Lang == "" {
		return "en"
	}
	return r.Lang
}

// Want is the outcome of the row in field: "ok", or the code of the error
// and the field it names. plain asks for the text read without a language.
func (r HostileRow) Want(field string, plain bool) (code, on string) {
	code = r.Outcome
	if c, ok := r.Fields[field]; ok {
		code = c
	}
	if plain && r.Plain != "" {
		code = r.Plain
	}
	code, on, _ = strings.Cut(code, "@")
	if on == "" {
		on = field
	}
	return code, on
}

// Short names a row's input in a failure message.
func (r HostileRow) Short() string {
	t := r.Input()
	if len(t) > 40 {
		t = t[:40] + "..."
	}
	return JSString(t)
}

func LoadHostileRows(tb testing.TB) []HostileRow {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(Root(tb), "calc", "testdata", "hostile.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var table struct{ Rows []HostileRow }
	if err := json.Unmarshal(b, &table); err != nil {
		tb.Fatalf("hostile.json: %v", err)
	}
	if len(table.Rows) < 50 {
		tb.Fatalf("hostile.json has %d rows, want at least 50", len(table.Rows))
	}
	return table.Rows
}
