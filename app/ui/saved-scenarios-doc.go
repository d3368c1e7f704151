package ui

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"ltvlab/calc"
)

// Saved scenarios live in the browser's localStorage under one key, as one
// versioned JSON document:
//
//	{"version": 1, "scenarios": [
//	  {"id": "s1k2j3", "name": "Plan B", "model": "subscription",
//	   "saved_at": "2025-03-14T13:05:00Z", "scenario": {"model": "subscription", ...}}
//	]}
//
// Each entry stores the scenario in calc's format (calc/SCENARIO.md), the
// public contract of the app, and not the page's URL state: a scenario saved
// today opens in every later version. The document is read defensively: a
// document this version cannot read is reported and left alone, and an
// entry that cannot be read is reported, skipped and kept as it is when the
// others change.

const (
	savedKey     = "ltvlab.scenarios" // the localStorage key
	savedVersion = 1                  // the version of the document this code writes
	maxSaved     = 100                // readable scenarios kept at most
	maxNameRunes = 80                 // characters in a name at most
	maxIDLen     = 40
	// maxEntryExtra is the most an entry may add to its scenario: the id,
	// a name of maxNameRunes characters escaped, the date.
	maxEntryExtra = 4096
)

// Problems with the stored document as a whole.
const (
	docUnreadable = "unreadable" // not JSON, not an object, no valid version, scenarios not a list
	docNewer      = "newer"      // written by a later version of the app
)

// Errors of the changes to a savedList.
var (
	errDocProblem  = errors.New("the stored scenarios cannot be read, so they cannot be changed")
	errTooMany     = errors.New("too many saved scenarios")
	errNameTooLong = errors.New("name too long")
	errNotFound    = errors.New("no saved scenario with this id")
)

// savedScenario is one readable entry of the document.
type savedScenario struct {
	ID       string
	Name     string
	Model    string    // calc.ModelPurchase, ...
	SavedAt  time.Time // zero when the entry does not say
	Scenario calc.Scenario
	index    int // of the entry in savedList.entries
}

// savedList is the stored document as read.
type savedList struct {
	Items   []savedScenario // the readable scenarios, in stored order
	Skipped int             // entries that could not be read
	Problem string          // "", docUnreadable or docNewer

	entries []json.RawMessage // every entry as stored, readable or not
}

// savedEntry is the stored form of one scenario.
type savedEntry struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	Model    string          `json:"model"`
	SavedAt  string          `json:"saved_at,omitempty"` // RFC 3339, UTC
	Scenario json.RawMessage `json:"scenario"`
}

// readSaved parses the stored document; present is false when the key is
// not set (no scenario saved yet). It never fails: what it cannot read it
// reports in Problem or counts in Skipped.
func readSaved(text string, present bool) savedList {
	if !present {
		return savedList{}
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &doc); err != nil || doc == nil {
		return savedList{Problem: docUnreadable}
	}
	var version json.Number
	if err := json.Unmarshal(doc["version"], &version); err != nil {
		return savedList{Problem: docUnreadable}
	}
	switch v, err := strconv.ParseInt(string(version), 10, 64); {
	case err != nil || v < 1:
		return savedList{Problem: docUnreadable}
	case v > savedVersion:
		return savedList{Problem: docNewer}
	}
	var entries []json.RawMessage
	if raw, ok := doc["scenarios"]; ok {
		if err := json.Unmarshal(raw, &entries); err != nil {
			return savedList{Problem: docUnreadable}
		}
	}
	l := savedList{entries: entries}
	seen := map[string]bool{}
	for i, raw := range entries {
		s, ok := readEntry(raw)
		if !ok || seen[s.ID] {
			l.Skipped++
			continue
		}
		seen[s.ID] = true
		s.index = i
		l.Items = append(l.Items, s)
	}
	return l
}

// readEntry reads one entry: an object with an id, a name and a scenario
// that calc reads, of one of the three models. An entry longer than a
// scenario may be, with room for its id, name and date, is not read.
func readEntry(raw json.RawMessage) (savedScenario, bool) {
	if len(raw) > calc.MaxScenarioBytes+maxEntryExtra {
		return savedScenario{}, false
	}
	var e savedEntry
	if err := json.Unmarshal(raw, &e); err != nil || !validID(e.ID) || strings.TrimSpace(e.Name) == "" {
		return savedScenario{}, false
	}
	sc, err := calc.ParseScenario(e.Scenario)
	if err != nil || !knownModel(sc.Model) {
		return savedScenario{}, false
	}
	s := savedScenario{ID: e.ID, Name: clipName(e.Name), Model: sc.Model, Scenario: sc}
	if t, err := time.Parse(time.RFC3339, e.SavedAt); err == nil {
		s.SavedAt = t
	}
	return s, true
}

// knownModel reports whether model is one of calc's models.
func knownModel(model string) bool {
	switch model {
	case calc.ModelPurchase, calc.ModelSubscription, calc.ModelCohort:
		return true
	}
	return false
}

// validID reports whether id is a stored id as this code writes them:
// short, letters, digits and dashes.
func validID(id string) bool {
	if id == "" || len(id) > maxIDLen {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// cleanName is a name as the visitor typed it, ready to store: spaces
// trimmed, control characters (line breaks, tabs) made spaces. It returns
// errNameTooLong beyond maxNameRunes characters; "" means "no name given".
func cleanName(s string) (string, error) {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
	if utf8.RuneCountInString(s) > maxNameRunes {
		return "", errNameTooLong
	}
	return s, nil
}

// clipName shortens a stored name that is longer than a name may be (an
// edited document) for display.
func clipName(s string) string {
	if r := []rune(s); len(r) > maxNameRunes {
		return string(r[:maxNameRunes-1]) + "…"
	}
	return s
}

// find returns the readable scenario with this id.
func (l *savedList) find(id string) (savedScenario, bool) {
	for _, s := range l.Items {
		if s.ID == id {
			return s, true
		}
	}
	return savedScenario{}, false
}

// add stores a scenario first in the list under a new id. It fails with
// errDocProblem when the document cannot be read and errTooMany when
// maxSaved scenarios are already stored.
func (l *savedList) add(name string, s calc.Scenario, now time.Time) (string, error) {
	if l.Problem != "" {
		return "", errDocProblem
	}
	if len(l.Items) >= maxSaved {
		return "", errTooMany
	}
	sc, err := json.Marshal(s)
	if err != nil {
		return "", err
	}
	id := l.newID(now)
	raw, err := json.Marshal(savedEntry{ID: id, Name: name, Model: s.Model, SavedAt: now.UTC().Format(time.RFC3339), Scenario: sc})
	if err != nil {
		return "", err
	}
	l.entries = append([]json.RawMessage{raw}, l.entries...)
	return id, nil
}

// newID is an id not yet in the document, from the time of saving.
func (l *savedList) newID(now time.Time) string {
	base := "s" + strconv.FormatInt(now.UnixNano(), 36)
	id := base
	for n := 2; ; n++ {
		if _, taken := l.find(id); !taken && !l.storedID(id) {
			return id
		}
		id = base + "-" + strconv.Itoa(n)
	}
}

// storedID reports whether an entry, readable or not, has this id.
func (l *savedList) storedID(id string) bool {
	for _, raw := range l.entries {
		var e struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(raw, &e) == nil && e.ID == id {
			return true
		}
	}
	return false
}

// rename gives a stored scenario a new name, keeping every other field of
// its entry, known or not.
func (l *savedList) rename(id, name string) error {
	if l.Problem != "" {
		return errDocProblem
	}
	s, ok := l.find(id)
	if !ok {
		return errNotFound
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(l.entries[s.index], &fields); err != nil {
		return err
	}
	b, err := json.Marshal(name)
	if err != nil {
		return err
	}
	fields["name"] = b
	raw, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	l.entries[s.index] = raw
	return nil
}

// remove deletes a stored scenario.
func (l *savedList) remove(id string) error {
	if l.Problem != "" {
		return errDocProblem
	}
	s, ok := l.find(id)
	if !ok {
		return errNotFound
	}
	l.entries = append(l.entries[:s.index:s.index], l.entries[s.index+1:]...)
	return nil
}

// encode is the document to store: this version, and every entry, those
// that could not be read included.
func (l *savedList) encode() (string, error) {
	entries := l.entries
	if entries == nil {
		entries = []json.RawMessage{}
	}
	b, err := json.Marshal(struct {
		Version   int               `json:"version"`
		Scenarios []json.RawMessage `json:"scenarios"`
	}{savedVersion, entries})
	return string(b), err
}
