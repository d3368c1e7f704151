package oembed

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// Handler answers oEmbed requests in front of next, which serves the rest
// of the site: base+"oembed.json" for the calculator of the url asked, and
// each calculator's static document path (StaticPath), where url defaults
// to that calculator's page. Both take maxwidth, maxheight and format. A
// GET or HEAD gets the document as JSON, or the status of its Error with
// a message; other methods go to next.
func (s Site) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, s.Base)
		var def *Calculator
		for i, c := range Calculators {
			if rel == StaticPath(c) {
				def = &Calculators[i]
			}
		}
		if !ok || def == nil && rel != "oembed.json" || r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		req, err := ParseRequest(r.URL.Query(), def, s)
		var doc Document
		if err == nil {
			doc, err = s.Document(req)
		}
		if err != nil {
			status := http.StatusBadRequest
			var e *Error
			if errors.As(err, &e) {
				status = e.Status
			}
			http.Error(w, err.Error(), status)
			return
		}
		body := doc.JSON()
		h.Set("Content-Type", "application/json")
		h.Set("Content-Length", fmt.Sprint(len(body)))
		if r.Method == http.MethodGet {
			w.Write(body)
		}
	})
}

// Load reads the site that a build wrote into dir for base: its origin is
// in the static documents, which a build writes only when it was given
// one. ok is false for a site without them; err reports a document that
// cannot be read or does not name a site under base.
func Load(dir, base string) (s Site, ok bool, err error) {
	name := filepath.Join(dir, filepath.FromSlash(StaticPath(Calculators[0])))
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return Site{}, false, nil
	}
	if err != nil {
		return Site{}, false, err
	}
	var d Document
	if err := json.Unmarshal(b, &d); err != nil {
		return Site{}, false, fmt.Errorf("%s: %w", name, err)
	}
	origin, found := strings.CutSuffix(d.ProviderURL, base)
	u, perr := url.Parse(origin)
	if !found || perr != nil || u.Scheme == "" || u.Host == "" || u.Path != "" {
		return Site{}, false, fmt.Errorf("%s: provider_url %q is not a site under %s: build and serve with the same base path", name, d.ProviderURL, base)
	}
	return Site{Origin: origin, Base: base}, true, nil
}
