package ui

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// What a keystroke does, frame by frame. go-app renders a change in the
// frame that follows it, 8 ms after the event at best (its engine ticks at
// 120 Hz), and the page is large. So the figures of the result panel do not
// wait: the keystroke writes their new texts into the page itself
// (showResult), and the next frame renders the rest: the panel (a row
// appearing, the out-of-date note), the fields, the charts and the what-if
// comparison. The URL follows at most every urlEvery. (The charts and the
// comparison once came a frame later still, to keep that frame short: the
// page then settled 29-30 ms after a key at the median and 42-53 ms at the
// 95th percentile, against 17 and 30-32 ms in one frame, with the
// figures' 95th percentile at 6-9 ms either way: go run ./bench -only
// keys.)

// urlEvery is the least time between two writes of the URL as the visitor
// types. Each replaceState costs milliseconds, and browsers limit them:
// Chromium ignores calls beyond 200 in 10 s, Safari throws beyond 100 in
// 30 s.
const urlEvery = 350 * time.Millisecond

// compute evaluates the inputs. On an error the view stays as it is, and
// the panel says that it is out of date.
func (p *calcPage) compute() {
	s, levers := p.scenario(), p.leverChanges()
	rep, err := p.run(s, levers)
	p.err = err
	p.stale = err != nil
	if err != nil {
		return
	}
	v := headline(rep, s, p.loc)
	v.details(rep, p.loc)
	p.view = v
	p.good, p.goodLever, p.hasGood = s, levers, true
}

// onInput keeps the typed text of one input (a select, a text area), found
// by its data-q attribute, and recomputes. One handler for every input:
// go-app keeps an element's handler when the new one has the same code, so
// a closure over the key would keep writing the input that stood in that
// place on the calculator shown before.
func (p *calcPage) onInput(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	if key := src.Get("dataset").Get("q").String(); key != "" && !p.tableInput(ctx, key, src) {
		p.setText(ctx, key, src.Get("value").String())
	}
}

// setText keeps the typed text of one input and recomputes. The figures of
// the result panel show at once (showResult), the rest of the page in the
// next frame, and the URL (replaceState: no history entry per keystroke)
// at most every urlEvery.
func (p *calcPage) setText(ctx app.Context, key, text string) {
	converted := key == "per" && p.periodChanged(p.text[key], text)
	p.text[key] = text
	if converted {
		p.showFields(ctx)
	}
	p.goal = goalView{}
	if p.editTable(key) {
		return
	}
	if !p.mounted {
		p.recompute()
		p.syncURL(ctx)
		return
	}
	p.compute()
	p.showResult(p.view, p.stale)
	p.urlDue = true
	p.later()
}

// later schedules catchUp once the frame being prepared is on screen: a
// timer, not a deferred call, so that the browser takes the frame's DOM
// changes before the URL's write.
func (p *calcPage) later() {
	if p.laterDue {
		return
	}
	p.laterDue = true
	p.ctx.Defer(func(ctx app.Context) {
		ctx.After(time.Millisecond, p.catchUp)
	})
}

// catchUp records the inputs in the URL.
func (p *calcPage) catchUp(ctx app.Context) {
	p.laterDue = false
	p.syncURLSoon(ctx)
}

// syncURLSoon writes the URL now if the last write is urlEvery old, else
// once it is: the URL always ends with the inputs as last typed.
func (p *calcPage) syncURLSoon(ctx app.Context) {
	if !p.urlDue || p.urlSoon {
		return
	}
	wait := time.Until(p.urlAt.Add(urlEvery))
	if wait <= 0 {
		p.syncURL(ctx)
		return
	}
	p.urlSoon = true
	ctx.After(wait, func(ctx app.Context) {
		// Writing the URL changes nothing on the page.
		ctx.PreventUpdate()
		p.urlSoon = false
		if p.urlDue {
			p.syncURL(ctx)
		}
	})
}

// panelText is one text of the result panel and the node that shows it.
type panelText struct {
	ID   string // the element
	Part int    // partOwn, partFigure or partClass of the element
	Text string
}

const (
	partOwn    = iota // the element's own text
	partFigure        // the text of its first child (a row's figure)
	partClass         // its class attribute (the verdict's colour)
)

// panelTexts lists the texts of the result panel as results renders them.
func (v resultView) panelTexts() []panelText {
	out := []panelText{{"ltv", partOwn, v.LTV}, {"ltv-detail", partOwn, v.LTVDetail}, {"bar-ltv", partOwn, v.LTV}}
	if v.Ratio != "" {
		out = append(out, panelText{"bar-ratio", partOwn, v.Ratio})
	}
	if v.Verdict != "" {
		out = append(out, panelText{"verdict", partOwn, v.Verdict}, panelText{"verdict", partClass, verdictClass(v.VerdictLevel)})
	}
	for _, r := range v.Rows {
		out = append(out, panelText{r.ID, partFigure, r.Value})
		if r.Note != "" {
			out = append(out, panelText{r.ID + "-note", partOwn, r.Note})
		}
	}
	return out
}

// panelLayout sums up which elements the result panel has. Two views of
// the same layout differ only in panelTexts.
func (v resultView) panelLayout(stale bool) string {
	var b strings.Builder
	if v.Empty {
		b.WriteString("empty")
	} else if stale {
		b.WriteString("stale")
	}
	for _, t := range v.panelTexts() {
		b.WriteString(" " + t.ID + "." + itoa(t.Part))
	}
	return b.String()
}

// showResult writes the texts of the result panel that differ between the
// view on screen and view v into the page at once, when both have the
// same layout, and reports whether it did. It writes nothing before the
// app has mounted the page.
func (p *calcPage) showResult(v resultView, stale bool) bool {
	if !p.mounted || p.shownLayout != v.panelLayout(stale) {
		return false
	}
	old := p.shownTexts
	now := v.panelTexts()
	for i, t := range now {
		if t.Text != old[i].Text {
			setNodeText(t.ID, t.Part, t.Text)
		}
	}
	p.shownTexts = now
	return true
}

// rendered records the result panel that Render puts on screen.
func (p *calcPage) rendered() {
	p.shownLayout, p.shownTexts = p.view.panelLayout(p.stale), p.view.panelTexts()
}
