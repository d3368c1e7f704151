// Package oembed answers oEmbed (oembed.com) for an LTV Lab site: given the
// URL of one of its calculator pages, the document whose HTML embeds that
// calculator with the same figures. The generator (package site) writes one
// static document per calculator and the discovery link of each page; the
// serve command mounts Handler in front of the site, so that a blog engine
// that asks for a page with figures gets them.
//
// The HTML is the form WordPress handles (wp_filter_oembed_result, WordPress
// 4.4 and later): a blockquote with a link to the page, then the iframe.
// WordPress keeps only these elements, hides the iframe until the embed
// sends its height, shows the link where embeds are off, and listens for the
// embed's height and link messages (web/page.js sends them).
//
// It imports the standard library only: nothing of go-app, the UI, the
// generator or the server.
package oembed

import (
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// Calculator is one page of the site that can be embedded.
type Calculator struct {
	Model string // "purchase", "subscription", "cohort"
	Page  string // its page, relative to the base path: "", "subscription"
	Embed string // its embed view, relative to the base path: "embed", "embed/subscription"
	// Height is the frame's height before the embed tells its own, in CSS
	// pixels: about what it measures at 640 px wide in English
	// (TestBrowserEmbedHeights in app/ui: 791, 791 and 837).
	Height int
}

// Calculators are the site's three calculators, the purchase one first
// (it is the site's root page).
var Calculators = []Calculator{
	{Model: "purchase", Page: "", Embed: "embed", Height: 800},
	{Model: "subscription", Page: "subscription", Embed: "embed/subscription", Height: 800},
	{Model: "cohort", Page: "cohort", Embed: "embed/cohort", Height: 850},
}

// Width is the embed's width when the consumer allows it, in CSS pixels.
const Width = 640

// Limits of what a request may ask for.
const (
	maxURLBytes = 8 << 10 // the page URL given, as the server takes a request target
	maxKeyBytes = 16      // a query key of the page URL; the app's keys are short words
	minSize     = 100     // the smallest maxwidth or maxheight taken
)

// Site is a published LTV Lab site.
type Site struct {
	Origin string // scheme and host it is published at, e.g. "https://ltv.example"
	Base   string // path it is served under: "/" or e.g. "/ltv/"
	// Title is the calculator's name in a language ("en", "fr", ...), for
	// the link and the frame's title; nil names them in English.
	Title func(model, lang string) string
}

// Document is an oEmbed response of type rich (oEmbed 1.0, section 2.3.4).
type Document struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	ThumbnailURL string `json:"thumbnail_url"`
	ThumbWidth   int    `json:"thumbnail_width"`
	ThumbHeight  int    `json:"thumbnail_height"`
}

// Error is a request that has no document; Status is the HTTP status the
// oEmbed specification gives for it (400, 404 or 501).
type Error struct {
	Status int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

func errorf(status int, format string, args ...any) error {
	return &Error{Status: status, Msg: fmt.Sprintf(format, args...)}
}

// Request is what a consumer asks for: the oEmbed parameters.
type Request struct {
	URL       string // the page to embed, with its figures
	MaxWidth  int    // 0: no limit
	MaxHeight int    // 0: no limit
}

// ParseRequest reads the oEmbed parameters of a query: url, format (json
// only: 501 otherwise), maxwidth and maxheight (positive whole numbers: 400
// otherwise). A missing url is the page of def when def is not nil, else a
// 400.
func ParseRequest(q url.Values, def *Calculator, s Site) (Request, error) {
	var r Request
	if f := q.Get("format"); f != "" && f != "json" {
		return r, errorf(501, "format %q: only json is available", f)
	}
	for _, p := range []struct {
		name string
		to   *int
	}{{"maxwidth", &r.MaxWidth}, {"maxheight", &r.MaxHeight}} {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < minSize {
			return r, errorf(400, "%s %q: give a whole number of pixels, at least %d", p.name, clip(v), minSize)
		}
		*p.to = n
	}
	r.URL = q.Get("url")
	if r.URL == "" {
		if def == nil {
			return r, errorf(400, "url is missing: give the address of a calculator of %s", s.Origin+s.Base)
		}
		r.URL = s.pageURL(*def, "")
	}
	return r, nil
}

// Document is the oEmbed document for a request: the calculator of the
// page, its figures and language kept. It fails with a 404 Error for a URL
// that is not a calculator page of the site (another origin, another path).
func (s Site) Document(r Request) (Document, error) {
	c, query, err := s.page(r.URL)
	if err != nil {
		return Document{}, err
	}
	w, h := Width, c.Height
	if r.MaxWidth > 0 {
		w = min(w, r.MaxWidth)
	}
	if r.MaxHeight > 0 {
		h = min(h, r.MaxHeight)
	}
	lang := ""
	if q, err := url.ParseQuery(query); err == nil {
		lang = q.Get("lang")
	}
	title := s.title(c.Model, lang)
	page, embed := s.pageURL(c, query), s.embedURL(c, query)
	return Document{
		Version: "1.0", Type: "rich", Title: title,
		ProviderName: "LTV Lab", ProviderURL: s.Origin + s.Base,
		HTML:  frameHTML(page, embed, title, w, h),
		Width: w, Height: h,
		ThumbnailURL: s.Origin + s.Base + "web/icon-512.png", ThumbWidth: 512, ThumbHeight: 512,
	}, nil
}

// frameHTML is the HTML of an embed: what WordPress keeps of it is the
// blockquote, its link and the iframe's src, width, height, title and
// frameborder. The blockquote's style hides it from consumers that show
// the iframe as it is; WordPress drops the style and hides the blockquote
// itself once the frame has told its height. The iframe is as wide as the
// column it is in (a phone's is narrower than any maxwidth, and WordPress
// drops the style, where max-width keeps it within w for the others).
func frameHTML(page, embed, title string, w, h int) string {
	t := html.EscapeString(title)
	return `<blockquote style="display:none"><a href="` + html.EscapeString(page) + `">` + t + `</a></blockquote>` +
		`<iframe src="` + html.EscapeString(embed) + `" width="100%" height="` + strconv.Itoa(h) +
		`" title="` + t + `" frameborder="0" style="border:0;max-width:` + strconv.Itoa(w) + `px" ` +
		`sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy"></iframe>`
}

// Static is the document of a calculator at its default figures, as a
// static host serves it: WordPress's own parameters are ignored there, so
// it is at most Width wide (WordPress's frames then fit its own maxwidth
// through the iframe's max-width where its theme sets one).
func (s Site) Static(c Calculator) Document {
	d, _ := s.Document(Request{URL: s.pageURL(c, "")})
	return d
}

// StaticPath is where the site holds a calculator's static document,
// relative to its base path: "oembed/subscription.json".
func StaticPath(c Calculator) string { return "oembed/" + c.Model + ".json" }

// JSON is the document as the site serves it.
func (d Document) JSON() []byte {
	b, _ := json.MarshalIndent(d, "", "  ") // strings and ints: it cannot fail
	return append(b, '\n')
}

// DiscoveryLink is the <link> that a calculator's page (and its embed
// view) carries in its head: the page's static document, with the page's
// address as oEmbed's url (consumers that follow discovery replace it with
// the address they were given; the serve command then answers for it).
func (s Site) DiscoveryLink(c Calculator) string {
	href := s.Origin + s.Base + StaticPath(c) + "?" + url.Values{"format": {"json"}, "url": {s.pageURL(c, "")}}.Encode()
	return `<link rel="alternate" type="application/json+oembed" href="` + html.EscapeString(href) +
		`" title="` + html.EscapeString(s.title(c.Model, "")) + `">`
}

// page finds the calculator of a page URL of the site, and its query,
// sanitised. The embed views' own addresses are taken too.
func (s Site) page(raw string) (Calculator, string, error) {
	notOurs := func(why string) error {
		return errorf(404, "url %q: %s: only the calculators of %s can be embedded", clip(raw), why, s.Origin+s.Base)
	}
	if len(raw) > maxURLBytes {
		return Calculator{}, "", errorf(400, "url is %d bytes long; at most %d are read", len(raw), maxURLBytes)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" || u.User != nil {
		return Calculator{}, "", notOurs("not an http or https address")
	}
	origin, _ := url.Parse(s.Origin)
	if origin == nil || !strings.EqualFold(u.Host, origin.Host) {
		return Calculator{}, "", notOurs("another site")
	}
	// The path as the server reads it: "/ltv" and "/ltv/cohort/" are
	// "/ltv/" and "/ltv/cohort" there too.
	clean, rel := path.Clean("/"+u.Path), ""
	if clean+"/" != s.Base {
		var ok bool
		if rel, ok = strings.CutPrefix(clean, s.Base); !ok {
			return Calculator{}, "", notOurs("not a calculator's page")
		}
	}
	rel = strings.TrimSuffix(rel, ".html")
	for _, c := range Calculators {
		if rel == c.Page || rel == c.Embed || c.Page == "" && rel == "index" {
			return c, sanitize(u.Query()), nil
		}
	}
	return Calculator{}, "", notOurs("not a calculator's page")
}

// sanitize keeps the query keys that may be the app's (short words of
// letters and digits) with their first value, without model (the path
// says it), encoded afresh.
func sanitize(q url.Values) string {
	out := url.Values{}
	for k, v := range q {
		if k == "model" || len(k) == 0 || len(k) > maxKeyBytes || len(v) == 0 || strings.Trim(k, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
			continue
		}
		out.Set(k, strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
				return -1
			}
			return r
		}, v[0]))
	}
	return out.Encode()
}

func (s Site) pageURL(c Calculator, query string) string {
	return withQuery(s.Origin+s.Base+c.Page, query)
}

func (s Site) embedURL(c Calculator, query string) string {
	return withQuery(s.Origin+s.Base+c.Embed, query)
}

func withQuery(u, query string) string {
	if query == "" {
		return u
	}
	return u + "?" + query
}

// title is the calculator's name and the site's, in a language.
func (s Site) title(model, lang string) string {
	name := ""
	if s.Title != nil {
		name = s.Title(model, lang)
	}
	if name == "" {
		name = map[string]string{"purchase": "Customer lifetime value", "subscription": "Subscription LTV",
			"cohort": "Cohort retention and LTV"}[model]
	}
	return name + " · LTV Lab"
}

// clip shortens what a message quotes of the request.
func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}
