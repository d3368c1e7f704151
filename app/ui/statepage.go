package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// How the page's state goes into its address and comes back from it
// (statelink.go says where the state goes, by its length).

// linkState is what the page says about its state and its links.
type linkState struct {
	note     int // a notice about the state of the page's address: noteNone, ...
	download int // what the Share dialog's download did: 0 nothing yet, 1 done, -1 failed
}

// The notices about the page's state.
const (
	noteNone   = iota
	noteCut    // a link whose state cannot be read
	noteLost   // a state kept in the tab's session that is gone
	noteUnkept // a state too large for the address and the session
)

// noteText is a notice in the locale.
func noteText(note int, l locale) string {
	switch note {
	case noteCut:
		return l.tr("The figures in this link cannot be read: it looks cut short. The calculator shows its usual figures instead.")
	case noteLost:
		return l.tr("The figures of this page were kept in this tab only, and they are gone. The calculator shows its usual figures instead.")
	case noteUnkept:
		return l.tr("These figures are too large for the page's address and for this tab's storage: reloading the page would lose them. Download the scenario file to keep them.")
	}
	return ""
}

// carryState makes the page's own address u carry the page's state, and
// keeps a state too long for it in the tab's session.
func (p *calcPage) carryState(u *url.URL) {
	p.takeTyped() // a table edited since the last frame
	q := p.query()
	if setState(u, q) {
		sessionDelete(sessionKey)
		if p.links.note == noteUnkept {
			p.links.note = noteNone
		}
		return
	}
	if err := keepInSession(u.EscapedPath(), q); err != nil {
		p.links.note = noteUnkept
	} else if p.links.note == noteUnkept {
		p.links.note = noteNone
	}
}

// stateFrom is the state that the page's address u carries, in its query,
// its fragment or the tab's session; the notice says when it cannot be
// read.
func (p *calcPage) stateFrom(u *url.URL) url.Values {
	q, inSession, err := stateOf(u)
	p.links.note = noteNone
	switch {
	case err != nil:
		p.links.note = noteCut
	case inSession:
		st, ok := fromSession(u.EscapedPath())
		if !ok {
			p.links.note = noteLost
			break
		}
		for k, v := range st {
			q[k] = v
		}
	}
	return q
}

// stateNotice shows the notice about the page's state, if any.
func (p *calcPage) stateNotice() app.UI {
	return app.If(p.links.note != noteNone, func() app.UI {
		return app.P().ID("state-notice").Class("field-error").Attr("role", "status").Text(noteText(p.links.note, p.loc))
	})
}

// linkTo is the address of the calculator at path with the state q, for
// going there from this page: in the session when it is too long for an
// address.
func linkTo(path string, q url.Values) string {
	link, ok := stateLink(pageHref(path), q, maxPageURL)
	if !ok {
		u, err := url.Parse(link)
		if err == nil && keepInSession(u.EscapedPath(), q) == nil {
			link += "#" + stateParam + sessionMark
		}
	}
	return link
}

// downloadScenario offers the current scenario as a file: the Share
// dialog's answer to data too large for a link.
func (p *calcPage) downloadScenario(ctx app.Context, e app.Event) {
	b, err := scenarioJSON(p.withWhatIf())
	if err == nil {
		err = download(scenarioFileName(p.spec.Model), "application/json", b)
	}
	p.links.download = 1
	if err != nil {
		p.links.download = -1
	}
}
