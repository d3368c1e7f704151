package ui

import (
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shareDialog is the "Share / Embed" dialog: a link to the current view and
// the snippet that embeds the calculator with the same figures in another
// site, or, for figures too large for a link, the scenario file. It is
// rendered only while open, in the browser.
type shareDialog struct {
	Origin  string // scheme and host of the site, e.g. "https://ltv.example"
	Path    string // the calculator's path
	Model   string
	Query   url.Values // the page state
	OnClose app.EventHandler
	OnCopy  app.EventHandler // copies the field named by the button's data-field
	Copied  string           // the field last copied: "share-link" or "share-embed"
	Loc     locale
	// OnDownload offers the scenario file, for figures too large for a
	// link; Downloaded says what it did: 0 nothing yet, 1 done, -1 failed.
	OnDownload app.EventHandler
	Downloaded int
}

// link is the full URL of the current view: a plain query, or the state
// packed in the fragment (statelink.go); ok is false when it would be over
// maxShareLink.
func (d shareDialog) link() (string, bool) {
	return stateLink(d.Origin+pageHref(d.Path), d.Query, maxShareLink)
}

// embedURL is the calculator's embed view with the same state; ok as for
// link.
func (d shareDialog) embedURL() (string, bool) {
	return stateLink(d.Origin+pageHref(embedPath(specFor(d.Model))), d.Query, maxShareLink)
}

// snippet is the HTML to paste into a page: a block that holds the iframe,
// sandboxed, which sizes itself from the height messages the embed sends.
// Where the HTML is filtered (a WordPress Author's post), the iframe and
// its onload go, and what stays is the link inside it, which a browser
// never shows where the iframe is.
func (d shareDialog) snippet() string {
	src, _ := d.embedURL()
	link, _ := d.link()
	title := escapeHTML(d.Loc.tr(specFor(d.Model).Title) + " · LTV Lab")
	return `<div class="ltvlab-embed" style="max-width:640px">` + "\n" +
		`<iframe src="` + escapeHTML(src) + `" title="` + title + `" style="display:block;width:100%;height:900px;border:0" ` +
		`sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy" onload="` + escapeHTML(snippetOnload) + `">` +
		`<a href="` + escapeHTML(link) + `">` + title + `</a></iframe>` + "\n</div>"
}

// snippetOnload is the snippet's script, the iframe's onload: once loaded,
// the frame listens for its embed's height and asks it to say it (the
// message that WordPress sends for the same). An inline handler looks names
// up on its element first: window's are named.
const snippetOnload = `var f=this;if(!f.dataset.ltvlab){f.dataset.ltvlab=1;window.addEventListener('message',function(e){var m=e.data||{};` +
	`if(e.source===f.contentWindow&&m.type==='ltvlab:height')f.style.height=m.height+'px'})}` +
	`f.contentWindow.postMessage({message:'ready',secret:''},'*')`

func (d shareDialog) render() app.UI {
	l := d.Loc
	link, ok := d.link()
	if _, embedOK := d.embedURL(); !embedOK {
		ok = false
	}
	return app.Dialog().ID("share-dialog").Class("dialog").Aria("labelledby", "share-title").On("close", d.OnClose).Body(
		app.H2().ID("share-title").Text(l.tr("Share or embed this calculator")),
		app.If(ok, func() app.UI {
			return app.Div().Body(
				app.Div().Class("field").Body(
					app.Label().For("share-link").Class("field-label").Text(l.tr("Link to this view, with your figures")),
					app.Input().Type("text").ID("share-link").Class("field-input").ReadOnly(true).Value(link),
					app.Button().Type("button").ID("share-copy-link").Class("button button-small").DataSet("field", "share-link").
						Text(l.tr("Copy link")).OnClick(d.OnCopy),
					d.copiedNote("share-link"),
				),
				app.Div().Class("field").Body(
					app.Label().For("share-embed").Class("field-label").Text(l.tr("Embed it in a blog or site")),
					app.Textarea().ID("share-embed").Class("field-input field-area").ReadOnly(true).Rows(5).Text(d.snippet()),
					app.P().Class("field-hint").Text(l.tr("Paste this HTML where the calculator should appear (in WordPress, into a Custom HTML block): it runs in a sandboxed frame and grows to fit. WordPress Authors and Contributors cannot post frames: they paste the link above on a line of its own, and WordPress shows the same calculator.")),
					app.Button().Type("button").ID("share-copy-embed").Class("button button-small").DataSet("field", "share-embed").
						Text(l.tr("Copy embed code")).OnClick(d.OnCopy),
					d.copiedNote("share-embed"),
				),
			)
		}).Else(func() app.UI {
			// No link of the figures would open everywhere: the file does.
			return app.Div().Class("field").Body(
				app.P().ID("share-too-large").Text(l.tr("Your figures are too large for a link that opens everywhere (a link of them would have {0} characters; browsers and the apps links travel through take about {1}). Share them as a scenario file: it opens under “Your scenarios”, with “Open a scenario file”.",
					l.number(strconv.Itoa(len(d.packedLink()))), l.number(strconv.Itoa(maxShareLink)))),
				app.Button().Type("button").ID("share-download").Class("button button-small").Text(l.tr("Download the scenario file")).OnClick(d.OnDownload),
				app.P().ID("share-status").Class("field-hint").Attr("role", "status").Text(d.downloadStatus()),
			)
		}),
		app.Div().Class("dialog-actions").Body(
			app.Button().Type("button").ID("share-close").Class("button").Text(l.tr("Close")).OnClick(d.OnClose),
		),
	)
}

// packedLink is the link of the current view with its state packed in the
// fragment, however long.
func (d shareDialog) packedLink() string {
	return d.Origin + pageHref(d.Path) + "?" + localeState(d.Query).Encode() + "#" + stateParam + packState(d.Query)
}

// copiedNote confirms, beside its button, that a field was copied: a
// status that screen readers announce.
func (d shareDialog) copiedNote(field string) app.UI {
	l := d.Loc
	text := ""
	switch d.Copied {
	case field:
		text = l.tr("Copied.")
	case field + ":selected":
		text = l.tr("Selected: press Ctrl+C (⌘C on a Mac) to copy.")
	}
	return app.Span().ID(field+"-copied").Class("copied-note").Attr("role", "status").Text(text)
}

// copyText copies the value of a field to the clipboard and calls done with
// true once the clipboard has it; where there is no clipboard, or it
// refuses, the text stays selected for the visitor to copy, and done gets
// false.
func copyText(ctx app.Context, id string, done func(ctx app.Context, copied bool)) {
	el := app.Window().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return
	}
	el.Call("select")
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		done(ctx, false)
		return
	}
	var ok, fail app.Func
	settle := func(copied bool) app.Func {
		return app.FuncOf(func(app.Value, []app.Value) any {
			ok.Release()
			fail.Release()
			ctx.Dispatch(func(ctx app.Context) { done(ctx, copied) })
			return nil
		})
	}
	ok, fail = settle(true), settle(false)
	clip.Call("writeText", el.Get("value")).Call("then", ok, fail)
}

// downloadStatus says what the download of the scenario file did.
func (d shareDialog) downloadStatus() string {
	switch d.Downloaded {
	case 1:
		return d.Loc.tr("Downloaded {0}.", scenarioFileName(d.Model))
	case -1:
		return d.Loc.tr("Your browser did not start the download.")
	}
	return ""
}
