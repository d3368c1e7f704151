//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ltvlab/app/internal/webtest"
	"ltvlab/app/oembed"
	"ltvlab/app/serve"
	"ltvlab/app/site"
)

// TestBaseFlags checks that -base reaches build and serve: a bad base path
// is a usage error (exit status 2) naming the path.
func TestBaseFlags(t *testing.T) {
	site := t.TempDir()
	if err := os.WriteFile(filepath.Join(site, "index.html"), []byte("<!doctype html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := [][]string{
		{"build", "-out", filepath.Join(t.TempDir(), "site"), "-web", t.TempDir(), "-base", "/a b/"},
		{"serve", "-addr", "127.0.0.1:0", "-dir", site, "-base", "/../"},
	}
	for _, args := range tests {
		var stdout, stderr bytes.Buffer
		if got := run(args, &stdout, &stderr); got != 2 || !strings.Contains(stderr.String(), "base path") {
			t.Errorf("app %s = %d, stderr %q; want 2 and a message about the base path", strings.Join(args, " "), got, stderr.String())
		}
	}
}

// TestServeOembed: the serve command answers oEmbed for the figures of
// the url asked when the site was built with an origin, and leaves a site
// built without one as it is.
func TestServeOembed(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if o, err := withOembed(serve.Options{Dir: dir}, "/"); err != nil || o.Wrap != nil {
		t.Fatalf("a site without oEmbed documents: Wrap set %v, %v", o.Wrap != nil, err)
	}
	s := site.OembedSite("http://127.0.0.1:9", "/")
	if err := os.MkdirAll(filepath.Join(dir, "oembed"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range oembed.Calculators {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(oembed.StaticPath(c))), s.Static(c).JSON(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o, err := withOembed(serve.Options{Dir: dir}, "/")
	if err != nil || o.Wrap == nil {
		t.Fatalf("a site with oEmbed documents: no endpoint (%v)", err)
	}
	addr, _ := webtest.StartServer(t, o)
	res, err := http.Get("http://" + addr + "/oembed.json?url=" + url.QueryEscape("http://127.0.0.1:9/subscription?arpa=70&lang=fr"))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var d oembed.Document
	if err := json.NewDecoder(res.Body).Decode(&d); err != nil || res.StatusCode != 200 {
		t.Fatalf("GET /oembed.json: %d, %v", res.StatusCode, err)
	}
	if !strings.Contains(d.HTML, `src="http://127.0.0.1:9/embed/subscription?arpa=70&amp;lang=fr"`) ||
		d.Title != site.OembedSite("", "/").Title("subscription", "fr")+" · LTV Lab" {
		t.Errorf("document for the subscription calculator in French: %q, %q", d.Title, d.HTML)
	}
}
