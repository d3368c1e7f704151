package ui

import (
	"encoding/json"
	"net/url"
)

// A state too long for the page's address is kept for reloads in the tab's
// sessionStorage under sessionKey (web/page.js writes it too, for what is
// typed before the app runs): one entry, the page's path and the state as
// a query. The address then ends in the session mark (statelink.go).

const sessionKey = "ltvlab.state"

type sessionEntry struct {
	Path  string `json:"path"`
	Query string `json:"query"`
}

// keepInSession keeps the state of the page at path; it fails when the
// browser refuses (no storage, or the quota, about 5 MB).
func keepInSession(path string, q url.Values) error {
	b, err := json.Marshal(sessionEntry{Path: path, Query: q.Encode()})
	if err != nil {
		return err
	}
	return sessionSet(sessionKey, string(b))
}

// fromSession is the state kept for the page at path.
func fromSession(path string) (url.Values, bool) {
	text, ok := sessionGet(sessionKey)
	var e sessionEntry
	if !ok || json.Unmarshal([]byte(text), &e) != nil || e.Path != path {
		return nil, false
	}
	q, err := url.ParseQuery(e.Query)
	return q, err == nil
}
