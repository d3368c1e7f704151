package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// A calculator's first render in the browser replaces the whole prerendered
// page in one task, which on a phone's processor blocks the page for about a
// second. The sections below the form (laterSections) are therefore left as
// they were prerendered in that task: each is a copy of its prerendered HTML
// (go-app parses it in one call), so nothing moves on screen, and each is then
// mounted for real in a task of its own, in order, the browser running what
// waits in between.
//
// While they wait they are not live, as the prerendered page before the
// app runs: a fold opens and a field takes text, but nothing computes and a
// button does nothing. What the visitor did there (folds opened, fields
// typed into, the caret) is given to the section once mounted, the fields
// as typed, so nothing is lost (holdSection). Should the visitor go to
// another calculator or language first, what waits is mounted at once
// (mountNow): the copies are of this calculator in the prerendered
// language. The document is marked data-staging until the last is mounted
// (tests wait for that). Where the prerendered figures or language are not
// the page's (the head script marked the document data-pending), the
// copies are hidden until mounted (web/ltv.css, [data-premount]).

// laterSections are the ids of the parts mounted after the rest of the
// page, a task for each group, from the top of the page: the form's folded
// sections, the charts, the what-if section, the saved scenarios and how it
// is computed. Each task also renders the page again (about 70 ms at 4x
// CPU), hence groups of the small ones.
var laterSections = [][]string{{"totals", "cac-builder"}, {"charts"}, {"whatif"}, {"scenarios", "how"}}

// section is the section id as f renders it, or, while it waits to be
// mounted, its prerendered copy.
func (p *calcPage) section(id string, f func() app.UI) app.UI {
	if html, ok := p.premount[id]; ok {
		return app.Raw(html)
	}
	return f()
}

// capturePremount keeps the prerendered copies of the later sections, at
// the page's first render in the browser, while the prerendered page is
// still the document. Once only: a calculator the visitor goes to later is
// rendered whole.
func (p *calcPage) capturePremount() {
	if p.staged || !app.IsClient || p.embed {
		return
	}
	p.staged = true
	var ids []string
	for _, g := range laterSections {
		ids = append(ids, g...)
	}
	p.premount = prerenderedSections(ids)
	markStaging(len(p.premount) > 0)
}

// mountLater mounts the next section that waits, in a task after the one
// that mounted what is on the page now, and so on until none waits.
func (p *calcPage) mountLater(ctx app.Context) {
	if len(p.premount) == 0 {
		markStaging(false)
		return
	}
	ctx.Async(func() {
		yieldToBrowser()
		ctx.Dispatch(func(ctx app.Context) {
			var held []*heldSection
			for _, g := range laterSections {
				if p.waiting(g) {
					for _, id := range g {
						held = append(held, holdSection(id))
						delete(p.premount, id)
					}
					break
				}
			}
			ctx.Defer(func(ctx app.Context) {
				// Once mounted: the events restore fires queue the page's
				// handlers, which run next.
				for _, h := range held {
					h.restore()
				}
				p.mountLater(ctx)
			})
		})
	})
}

// mountNow has the next render mount every section that waits.
func (p *calcPage) mountNow() { p.premount = nil }

// waiting reports whether a section of the group waits to be mounted.
func (p *calcPage) waiting(group []string) bool {
	for _, id := range group {
		if _, ok := p.premount[id]; ok {
			return true
		}
	}
	return false
}
