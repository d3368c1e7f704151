//go:build !wasm

package site

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"ltvlab/app/oembed"
	"ltvlab/app/ui"
)

// oEmbed (oembed.com): a blog engine given a link to the site asks the
// page's discovery link for the HTML that embeds it (package oembed). A
// static host cannot answer per request, so each calculator has its own
// document, oembed/MODEL.json, with its default figures, and each page's
// discovery link names its calculator's; the serve command answers the
// same addresses for the figures of the link given (oembed.Handler). The
// documents' URLs are absolute, so the build writes them only when it
// knows the site's public origin (-origin).

// ParseOrigin checks a public origin: http or https, a host, nothing else.
// It returns it without a trailing slash, or "" for "".
func ParseOrigin(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("origin %q: give the scheme and host the site is published at, e.g. https://ltv.example", s)
	}
	for _, c := range u.Host {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-.:[]", c)) {
			return "", fmt.Errorf("origin %q: character %q not allowed in the host", s, c)
		}
	}
	return u.Scheme + "://" + u.Host, nil
}

// OembedSite is the oEmbed provider of the site at origin under base,
// naming the calculators in the page's language.
func OembedSite(origin, base string) oembed.Site {
	names := ui.CalculatorNames()
	return oembed.Site{Origin: origin, Base: base, Title: func(model, lang string) string { return names[model][lang] }}
}

// LoadOembed is the oEmbed provider of the site that a build wrote into
// dir for base; ok is false when it was built without an origin.
func LoadOembed(dir, base string) (s oembed.Site, ok bool, err error) {
	s, ok, err = oembed.Load(dir, base)
	if ok {
		s = OembedSite(s.Origin, s.Base)
	}
	return s, ok, err
}

// writeOembed writes each calculator's static document into the site.
func writeOembed(out string, s oembed.Site) error {
	if err := os.MkdirAll(filepath.Join(out, "oembed"), 0o755); err != nil {
		return err
	}
	for _, c := range oembed.Calculators {
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(oembed.StaticPath(c))), s.Static(c).JSON(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// oembedPlaceholder stands in the head of every generated page for its
// discovery link, which withOembedLink puts in its place.
const oembedPlaceholder = `<meta name="ltvlab-oembed">`

// withOembedLink replaces the placeholder in the page of the site file
// name with the discovery link of its calculator, the page's or its embed
// view's; other pages lose it.
func withOembedLink(page []byte, name string, s oembed.Site) []byte {
	link := ""
	for _, c := range oembed.Calculators {
		if name == c.Page+".html" || name == c.Embed+".html" || c.Page == "" && name == "index.html" {
			link = s.DiscoveryLink(c)
		}
	}
	return bytes.Replace(page, []byte(oembedPlaceholder), []byte(link), 1)
}
