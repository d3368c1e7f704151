package ui

import (
	"net/url"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// pageSpec describes one calculator: its route, its model and its inputs.
type pageSpec struct {
	Path   string
	Model  string // calc.ModelPurchase, ...
	Title  string
	Lead   string
	Inputs []inputSpec
	// Totals, when set, derive the main inputs from a period's totals.
	Totals []inputSpec
	How    []string   // "how this is computed", one paragraph each
	Goals  []goalSpec // goal-seek questions
	// CACDefault is the model's starting CAC, "" for cacInputs' default.
	CACDefault string
}

// cacInputs are the CAC inputs with the model's starting CAC.
func (s *pageSpec) cacInputs() []inputSpec {
	out := append([]inputSpec{}, cacInputs...)
	if s.CACDefault != "" {
		out[0].Default = s.CACDefault
	}
	return out
}

// allInputs lists every input of the page, the CAC and the what-if levers
// included: the URL carries each of them.
func (s *pageSpec) allInputs() []inputSpec {
	all := append([]inputSpec{}, s.Inputs...)
	all = append(all, s.Totals...)
	all = append(all, s.cacInputs()...)
	all = append(all, cacParts...)
	all = append(all, leverInputs...)
	return all
}

// calcPage is a calculator: the inputs as typed, and the results of the last
// valid inputs. It computes nothing itself: calc does.
type calcPage struct {
	app.Compo

	spec  *pageSpec
	text  map[string]string // typed text by URL key
	embed bool              // the compact view for other sites (/embed)
	fixed bool              // an embed view of one calculator (/embed/cohort): ?model= is not read

	view  resultView // results of the last valid inputs
	err   error      // errors of the current inputs
	stale bool       // the inputs are bad: view is out of date
	goal  goalView   // the last goal-seek answer

	sharing bool   // the Share / Embed dialog is open
	copied  string // what the dialog copied last (shareDialog.Copied)
	origin  string // scheme and host the page was opened at, for shared links

	loc locale // language and currency
	// good is the last valid scenario and levers: the view is redone from
	// them when the language or currency changes during bad input.
	good      calc.Scenario
	goodLever calc.Changes
	hasGood   bool

	// A keystroke's work spreads over frames (calc-page-typing.go): the
	// page and the URL come after the result's figures.
	ctx      app.Context // the page's own, once mounted in the browser
	mounted  bool
	laterDue bool      // the later step is scheduled
	urlDue   bool      // the URL does not carry the inputs yet
	urlSoon  bool      // a write of the URL is scheduled
	urlAt    time.Time // when the URL was last written
	unwatch  func()    // stops flushing the URL when the page is hidden

	// periodNote says what a change of the cohort's period did to the
	// discount rate, under the period; headers say, by URL key, what of a
	// pasted table was read as a header row or a column of labels and left
	// out.
	periodNote string
	periodUndo periodUndo
	embedExtra map[string]bool // the inputs an embed shows as its link set them
	headers    map[string]string

	// The result panel on screen: showResult writes a keystroke's figures
	// into it ahead of the frame.
	shownLayout string
	shownTexts  []panelText

	// The sections that wait to be mounted after the first render, as
	// prerendered (staged.go); staged once they have been read.
	premount map[string]string
	staged   bool

	loadedFirst bool // the address's state taken at the first render (loadFirst)

	tables tableWork // reads of the pasted tables (table-input.go)
	links  linkState // notices about the state in the address (statepage.go)
}

func newCalcPage(spec *pageSpec) *calcPage {
	p := &calcPage{loc: defaultLocale}
	p.setSpec(spec)
	return p
}

// newEmbedPage is the compact calculator for other sites: the model comes
// from the URL (?model=subscription), the purchase model by default.
func newEmbedPage() *calcPage {
	p := newCalcPage(purchaseSpec)
	p.embed = true
	return p
}

// setSpec switches the page to a calculator, its inputs at their defaults.
func (p *calcPage) setSpec(spec *pageSpec) {
	p.spec = spec
	p.text = map[string]string{}
	for _, in := range spec.allInputs() {
		p.text[in.Key] = in.Default
	}
	p.goal = goalView{}
	p.periodNote = ""
	p.recompute()
}

// specFor is the calculator of a model name, the purchase model when the
// name is unknown.
func specFor(model string) *pageSpec {
	for _, s := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		if s.Model == model {
			return s
		}
	}
	return purchaseSpec
}

// specForPath is the calculator at a URL path (under the site's base
// path), or nil.
func specForPath(path string) *pageSpec {
	for _, s := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		if href := pageHref(s.Path); path == href || path+"/" == href {
			return s
		}
	}
	return nil
}

// OnNav takes the inputs from the URL, so a shared link and the prerendered
// page show the same figures.
func (p *calcPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	p.origin = u.Scheme + "://" + u.Host
	// go-app keeps this component when it navigates from one calculator to
	// another (the same type): switch to the calculator of the path.
	if spec := specForPath(u.Path); spec != nil && spec != p.spec && !p.embed {
		p.setSpec(spec)
		p.mountNow()
	}
	p.urlDue = false
	p.load(p.stateFrom(u))
	p.nameDocument(ctx)
	p.showFields(ctx)
	if !hasCatalog(p.loc.Lang) {
		// A language the page did not start in: shown once fetched.
		p.withCatalog(ctx, p.loc, p.setLocale)
	}
}

// loadFirst gives the page, at its first render in the browser, the state
// its address carries, as OnNav then does again. go-app mounts a page
// before it calls OnNav (in the same task): mounted with its defaults in
// English, then given a link's figures or another language, the page was
// drawn twice, the second time changing most of its texts. Now OnNav finds
// it as it is.
func (p *calcPage) loadFirst() {
	if p.loadedFirst || !app.IsClient {
		return
	}
	p.loadedFirst = true
	if u := app.Window().URL(); u != nil {
		p.load(p.stateFrom(u))
	}
}

// hasCatalog reports whether the translations of a language are at hand.
func hasCatalog(lang string) bool {
	_, ok := catalogFile(lang)
	return ok || lang == "en"
}

// withCatalog calls then(ctx, l) once the translations of l are at hand: at
// once when they are, else after the browser has fetched them
// (catalog_wasm.go).
func (p *calcPage) withCatalog(ctx app.Context, l locale, then func(app.Context, locale)) {
	if hasCatalog(l.Lang) {
		then(ctx, l)
		return
	}
	loadCatalog(l.Lang, func() { ctx.Dispatch(func(ctx app.Context) { then(ctx, l) }) })
}

// nameDocument gives the document the language of the page, and a title
// and a description in it: the calculator's name, then the product's, and
// its lead paragraph, so that tabs, bookmarks, search results and link
// previews tell the three calculators apart.
func (p *calcPage) nameDocument(ctx app.Context) {
	ctx.Page().SetLang(p.loc.tag())
	ctx.Page().SetTitle(p.loc.tr(p.spec.Title) + " · LTV Lab")
	ctx.Page().SetDescription(p.loc.tr(p.spec.Lead))
}

// OnMount runs in the browser once the app has taken over the page.
func (p *calcPage) OnMount(ctx app.Context) {
	p.ctx, p.mounted, p.laterDue, p.urlSoon = ctx, true, false, false
	p.unwatch = p.flushURLOnHide()
	markAppReady()
	p.mountLater(ctx)
}

// OnDismount forgets the page's context.
func (p *calcPage) OnDismount() {
	if p.unwatch != nil {
		p.unwatch()
		p.unwatch = nil
	}
	p.ctx, p.mounted, p.laterDue, p.urlSoon = app.Context{}, false, false, false
}

func (p *calcPage) load(q url.Values) {
	if p.embed && !p.fixed {
		if spec := specFor(q.Get("model")); spec != p.spec {
			p.setSpec(spec)
		}
	}
	p.embedExtra = map[string]bool{}
	for _, in := range p.spec.allInputs() {
		if v, ok := q[in.Key]; ok && len(v) > 0 {
			p.text[in.Key] = v[0]
			if t := strings.TrimSpace(v[0]); p.embed && t != "" && t != in.Default {
				p.embedExtra[in.Key] = true
			}
		}
	}
	p.loc = localeFrom(q)
	// New state: the figures of the state before are not its own. Until
	// it is valid the panel shows none (emptyView), never the defaults'.
	p.hasGood, p.view = false, emptyView(p.loc)
	p.recompute()
}

// localeFrom reads lang= and cur= from the URL; without lang= the visitor's
// browser language is used when the UI speaks it, else English, and without
// cur= the language's usual currency.
func localeFrom(q url.Values) locale {
	l := defaultLocale
	if lang := q.Get("lang"); knownLanguage(lang) {
		l.Lang = lang
	} else if lang := browserLanguage(); lang != "" {
		l.Lang = lang
	}
	l.Currency = map[string]string{"en": "USD", "fr": "EUR", "ro": "RON", "th": "THB"}[l.Lang]
	if cur := q.Get("cur"); knownCurrency(cur) {
		l.Currency = cur
	}
	return l
}

// setLocale switches the language or currency, keeping every input.
func (p *calcPage) setLocale(ctx app.Context, l locale) {
	p.loc = l
	p.mountNow()
	if p.hasGood {
		if v, err := evaluate(p.good, p.goodLever, p.loc); err == nil {
			p.view = v
		}
	} else {
		p.view = emptyView(l)
	}
	p.recompute()
	p.goal = goalView{}
	p.nameDocument(ctx)
	p.syncURL(ctx)
}

// scenario builds calc's scenario from the typed text.
func (p *calcPage) scenario() calc.Scenario {
	s := calc.Scenario{Model: p.spec.Model}
	for _, in := range p.spec.allInputs() {
		t := p.text[in.Key]
		switch {
		case in.number != nil:
			*in.number(&s) = calc.Number(p.loc.parse(t))
		case in.text != nil:
			*in.text(&s) = t
		}
	}
	if strings.TrimSpace(p.text["cac"]) != "" {
		// A CAC typed wins over its parts, as its field says ("leave empty
		// to build it from its parts"): the parts are not used.
		s.MarketingSpend, s.SalesSpend, s.ToolsSpend, s.Overhead = "", "", "", ""
		s.HoursPerCustomer, s.HourlyRate, s.NewCustomers = "", "", ""
	}
	if p.spec.Model == calc.ModelPurchase {
		// The totals helper replaces the figures it derives: calc takes a
		// figure given over its totals, so leave out those the totals give.
		has := func(key string) bool { return strings.TrimSpace(p.text[key]) != "" }
		if has("rev") && has("orders") {
			s.AverageOrderValue = ""
		}
		if has("orders") && has("cust") {
			s.PurchasesPerYear = ""
		}
		if has("cyears") && has("cust") {
			s.LifetimeYears, s.AnnualChurnPct = "", ""
		}
	}
	if p.spec.Model == calc.ModelCohort {
		p.headers = map[string]string{}
		if rows := p.table("coh"); len(rows) > 0 {
			s.Cohorts = rows
		} else if curve := flatten(p.table("surv")); len(curve) > 0 && s.Alpha == "" && s.Beta == "" {
			s.SurvivalPct = curve
		}
	}
	return s
}

// table reads the pasted figures of the text area key, each in the page's
// number conventions (tableFor). A first line of words over lines of figures (a
// spreadsheet's header row), and a first column of words beside figures
// (the cohorts' names), are left out, and the page says so.
func (p *calcPage) table(key string) [][]calc.Number {
	// tableFor keeps what it read, so that an unchanged table is not read
	// again: its rows are shared, and left as they are.
	t, _ := tableFor(p.text[key], p.loc, nil)
	rows := append([][]calc.Number(nil), t.Rows...)
	// A column of labels: every line but the first (which may be a
	// header) starts with a word before its figures.
	labels := len(rows) > 1
	for _, r := range rows[min(1, len(rows)):] {
		labels = labels && len(r) > 1 && !allNumbers(r[:1]) && allNumbers(r[1:])
	}
	from := 0
	if labels {
		from = 1
	}
	header := len(rows) > 1 && len(rows[0]) > from && !allNumbers(rows[0][from:]) && allNumbers(rows[1][from:])
	if header {
		rows = rows[1:]
	} else if labels && (len(rows[0]) < 2 || allNumbers(rows[0][:1]) || !allNumbers(rows[0][1:])) {
		labels = false // the first line has no label: the words are figures calc will refuse
	}
	if labels {
		for i, r := range rows {
			rows[i] = r[1:]
		}
	}
	if p.headers == nil {
		p.headers = map[string]string{}
	}
	switch {
	case header && labels:
		p.headers[key] = p.loc.tr("The first line reads as a header and the first column as labels: both are left out.")
	case header:
		p.headers[key] = p.loc.tr("The first line reads as a header and is left out.")
	case labels:
		p.headers[key] = p.loc.tr("The first column reads as labels and is left out.")
	default:
		delete(p.headers, key)
	}
	return rows
}

// allNumbers reports whether every figure of a row reads as a number.
func allNumbers(row []calc.Number) bool {
	for _, n := range row {
		if _, err := calc.ParseDecimal("", string(n)); err != nil {
			return false
		}
	}
	return true
}

// recompute evaluates the inputs; bad inputs keep the last valid results,
// marked out of date.
func (p *calcPage) recompute() { p.compute() }

func (p *calcPage) syncURL(ctx app.Context) {
	p.urlDue, p.urlAt = false, time.Now()
	u := *ctx.Page().URL()
	p.carryState(&u)
	ctx.Page().ReplaceURL(&u)
}

// query is the state of the page as URL query values: every input that is
// not empty or that has a default (so clearing a default is kept too).
func (p *calcPage) query() url.Values {
	q := url.Values{}
	if p.embed && !p.fixed {
		q.Set("model", p.spec.Model)
	}
	q.Set("lang", p.loc.Lang)
	q.Set("cur", p.loc.Currency)
	for _, in := range p.spec.allInputs() {
		if t := p.text[in.Key]; t != "" || in.Default != "" {
			q.Set(in.Key, t)
		}
	}
	return q
}

// fullURL is the full calculator with the same state, for the link out of
// the embed view. Every value is URL-encoded, so it is safe in an attribute.
func (p *calcPage) fullURL() string {
	q := p.query()
	q.Del("model")
	link, _ := stateLink(p.spec.Path, q, maxPageURL)
	return link
}

// errorFor is the error of the input with this spec, or nil.
func (p *calcPage) errorFor(in inputSpec) *calc.FieldError {
	if in.Field == "" {
		switch in.Key {
		case "surv":
			return calc.ErrorFor(p.err, calc.FieldSurvivalPct)
		case "coh":
			return calc.ErrorFor(p.err, calc.FieldCohorts)
		}
		return nil
	}
	return calc.ErrorFor(p.err, in.Field)
}

// openShare opens the Share / Embed dialog as a modal dialog (focus trapped
// inside, Escape closes it).
func (p *calcPage) openShare(ctx app.Context, e app.Event) {
	p.sharing, p.copied, p.links.download = true, "", 0
	ctx.Defer(func(app.Context) {
		if d := app.Window().Get("document").Call("getElementById", "share-dialog"); d.Truthy() && !d.Get("open").Bool() {
			d.Call("showModal")
		}
	})
}

// closeShare closes the dialog, from its button or from Escape.
func (p *calcPage) closeShare(ctx app.Context, e app.Event) {
	if d := app.Window().Get("document").Call("getElementById", "share-dialog"); d.Truthy() && d.Get("open").Bool() {
		d.Call("close")
	}
	p.sharing = false
	ctx.Defer(func(app.Context) {
		if b := app.Window().Get("document").Call("getElementById", "share-open"); b.Truthy() {
			b.Call("focus")
		}
	})
}

// share describes the dialog for the current state.
func (p *calcPage) share() shareDialog {
	q := p.query()
	q.Del("model")
	return shareDialog{Origin: p.origin, Path: p.spec.Path, Model: p.spec.Model, Query: q, OnClose: p.closeShare,
		OnCopy: p.copyShare, Copied: p.copied, Loc: p.loc, OnDownload: p.downloadScenario, Downloaded: p.links.download}
}

// copyShare copies the field of the Share dialog that the button clicked
// names (data-field), and says so.
func (p *calcPage) copyShare(ctx app.Context, e app.Event) {
	field := ctx.JSSrc().Get("dataset").Get("field").String()
	if field != "share-link" && field != "share-embed" {
		return
	}
	copyText(ctx, field, func(ctx app.Context, copied bool) {
		p.copied = field
		if !copied {
			p.copied += ":selected"
		}
	})
}

// stateFromScenario turns a calc scenario (an imported or saved file) into
// the page's URL state: the model's calculator and the text of each input.
// Figures are written as calc has them (plain decimals), which every
// language reads.
func stateFromScenario(s calc.Scenario) (*pageSpec, url.Values) {
	spec := specFor(s.Model)
	q := url.Values{}
	for _, in := range spec.allInputs() {
		switch {
		case in.number != nil:
			if t := string(*in.number(&s)); t != "" {
				q.Set(in.Key, t)
			} else if in.Default != "" {
				q.Set(in.Key, "")
			}
		case in.text != nil:
			if t := *in.text(&s); t != "" {
				q.Set(in.Key, t)
			}
		}
	}
	if spec.Model == calc.ModelCohort {
		q.Set("surv", joinRows([][]calc.Number{s.SurvivalPct}))
		q.Set("coh", joinRows(s.Cohorts))
	}
	if ch := s.Changes; ch != nil {
		for _, lv := range spec.levers() {
			var t string
			switch lv.Key {
			case "wchurn":
				t = string(ch.ChurnChangePoints)
			case "wprice":
				t = string(ch.PriceChangePct)
			case "welast":
				t = string(ch.PriceElasticity)
			case "wgm":
				t = string(ch.MarginChangePoints)
			case "wcac":
				t = string(ch.CACChangePct)
			case "wbill":
				if ch.AnnualBilling {
					t = "annual"
				}
			}
			if t != "" {
				q.Set(lv.Key, t)
			}
		}
	}
	return spec, q
}

// joinRows writes figures as text: one row a line, tab-separated.
func joinRows(rows [][]calc.Number) string {
	var b strings.Builder
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		for i, n := range r {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(string(n))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// openState shows a calculator with the inputs of a URL state (a saved
// scenario, an imported file): on this page when it is the same model, else
// by navigating to the model's page.
func (p *calcPage) openState(ctx app.Context, spec *pageSpec, q url.Values) {
	q.Set("lang", p.loc.Lang)
	q.Set("cur", p.loc.Currency)
	if spec != p.spec && !p.embed {
		ctx.Navigate(linkTo(spec.Path, q))
		return
	}
	if p.embed {
		q.Set("model", spec.Model)
	}
	p.setSpec(spec)
	p.load(q)
	p.syncURL(ctx)
	p.showFields(ctx)
}
