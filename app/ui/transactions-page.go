package ui

import (
	"errors"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

// maxOrderFileBytes bounds an order file chosen, dropped or pasted: 200 MiB
// holds several million orders; the work keeps 16 bytes an order, never
// the file.
const maxOrderFileBytes = 200 << 20

// transactionsPage is /transactions: a shop's order export turned into the
// BG/NBD and Gamma-Gamma models and each customer's value, in the browser.
// The work (reading, fitting, valuing) runs in the order worker, or on the
// page in slices (transactions-work.go), so the page keeps answering; a
// newer input cancels it.
type transactionsPage struct {
	app.Compo

	loc locale
	// Settings as typed; the URL carries them (end, period, horizon,
	// margin, discount), never the data.
	end, period, horizon, margin, discount string
	settingsErr                            error
	typing                                 int    // settings typed so far: the last one typed is valued
	periodNote                             string // the horizon converted to a new period, in the locale

	// The file: a File of the browser (re-read when a column changes) or
	// pasted text.
	file      app.Value
	fileName  string
	pasted    string
	pasteText string // the paste area as typed
	columns   calc.OrderOptions

	// The work.
	job      atomic.Int64 // the current job; a job whose number is not this one stops
	busy     bool
	stage    string // what the work is doing, for the status line
	readPct  int    // percent of the file read
	elapsed  time.Duration
	failures []string // why the last work stopped, in the locale

	began  time.Time    // when the current job started
	worker *orderWorker // the order worker, or nil: the page does the work

	orders *txOrders
	base   *calc.CustomerBase
	models *calc.OrderModels
	val    *calc.Valuation
	rows   []txRow // one per customer of val, for sorting
	// holdoutLater keeps the holdout check off the page for the task that
	// draws the other results (showHoldout).
	holdoutLater bool

	sortKey  string
	sortAsc  bool
	exported string // the last download's message
}

// txRow holds the sort keys of one customer.
type txRow struct {
	i                                               int // index in val.Customers
	x                                               int
	recency, t, monetary, pAlive, expected, ev, clv float64
	id                                              string
}

func newTransactionsPage() *transactionsPage {
	return &transactionsPage{loc: defaultLocale, period: calc.PeriodWeek, sortKey: "clv"}
}

// OnNav reads the settings and the language from the URL.
func (p *transactionsPage) OnNav(ctx app.Context) {
	q := ctx.Page().URL().Query()
	p.loc = localeFrom(q)
	p.end, p.period, p.horizon = q.Get("end"), q.Get("period"), q.Get("horizon")
	p.margin, p.discount = q.Get("margin"), q.Get("discount")
	if _, ok := calc.PeriodDays(p.period); !ok {
		p.period = calc.PeriodWeek
	}
	_, p.settingsErr = p.settings()
	p.nameDocument(ctx)
	if !hasCatalog(p.loc.Lang) {
		// A language the page did not start in: shown once fetched.
		loadCatalog(p.loc.Lang, func() { ctx.Dispatch(p.nameDocument) })
	}
}

// OnMount starts the order worker and marks the app ready (tests and
// measurements wait for it).
func (p *transactionsPage) OnMount(ctx app.Context) {
	p.startOrderWorker(ctx)
	markAppReady()
}

// OnDismount stops any work, and the order worker.
func (p *transactionsPage) OnDismount() {
	p.job.Add(1)
	p.stopOrderWorker()
}

func (p *transactionsPage) nameDocument(ctx app.Context) {
	ctx.Page().SetLang(p.loc.tag())
	ctx.Page().SetTitle(p.loc.tr("Your orders: lifetime value from a shop's export") + " · LTV Lab")
	ctx.Page().SetDescription(p.loc.tr("Choose a CSV export of your shop's orders: the BG/NBD and Gamma-Gamma models measure how often your customers buy, how long they stay and what they spend, and value each of them. Nothing leaves this page."))
}

func (p *transactionsPage) onLocale(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	l := p.loc.choose(el.Get("name").String(), el.Get("value").String())
	apply := func(ctx app.Context) {
		p.loc = l
		p.nameDocument(ctx)
		p.syncURL(ctx)
	}
	if hasCatalog(l.Lang) {
		apply(ctx)
		return
	}
	loadCatalog(l.Lang, func() { ctx.Dispatch(apply) })
}

// query is the page's URL state: the settings that are set, and the locale.
func (p *transactionsPage) query() url.Values {
	q := url.Values{}
	q.Set("lang", p.loc.Lang)
	q.Set("cur", p.loc.Currency)
	for k, v := range map[string]string{"end": p.end, "horizon": p.horizon, "margin": p.margin, "discount": p.discount} {
		if strings.TrimSpace(v) != "" {
			q.Set(k, v)
		}
	}
	q.Set("period", p.period)
	return q
}

func (p *transactionsPage) syncURL(ctx app.Context) {
	u := *ctx.Page().URL()
	u.RawQuery = p.query().Encode()
	ctx.Page().ReplaceURL(&u)
}

// txSettings are the settings read: the calibration end (-1: the last
// order's day), the period and the valuation.
type txSettings struct {
	end    int
	period string
	value  calc.ValueSettings
}

// Defaults of the settings left empty.
const (
	defaultMarginPct   = "100"
	defaultDiscountPct = "10"
)

// defaultHorizon is one year in periods.
func defaultHorizon(period string) int {
	pd, _ := calc.PeriodDays(period)
	return int(365.25/pd + 0.5)
}

// settings reads the typed settings; errors are *calc.FieldErrors naming
// "end", "horizon", "margin" and "discount".
func (p *transactionsPage) settings() (txSettings, error) {
	s := txSettings{end: -1, period: p.period}
	var errs []error
	if t := strings.TrimSpace(p.end); t != "" {
		d, ok := calc.ParseDay(t)
		if !ok {
			errs = append(errs, &calc.FieldError{Field: "end", Value: t, Code: calc.CodeInvalid, Reason: "a date"})
		}
		s.end = d
	}
	s.value.Horizon = defaultHorizon(p.period)
	if t := strings.TrimSpace(p.horizon); t != "" {
		h, err := strconv.Atoi(p.loc.parse(t))
		if err != nil {
			errs = append(errs, &calc.FieldError{Field: "horizon", Value: t, Code: calc.CodeNotInteger, Reason: "a whole number of periods"})
		}
		s.value.Horizon = h
	}
	pctField := func(field, text, def string) decimal.Decimal {
		t := strings.TrimSpace(text)
		if t == "" {
			t = def
		}
		d, err := calc.ParseDecimal(field, p.loc.parse(t))
		if err != nil {
			errs = append(errs, err)
		}
		return d
	}
	s.value.MarginPct = pctField("margin", p.margin, defaultMarginPct)
	s.value.DiscountPct = pctField("discount", p.discount, defaultDiscountPct)
	parsed := errors.Join(errs...)
	for _, fe := range calc.FieldErrors(s.value.Check(p.period)) {
		if calc.ErrorFor(parsed, fe.Field) == nil {
			errs = append(errs, fe)
		}
	}
	return s, errors.Join(errs...)
}

// Stages of the work, from the first the input needs.
const (
	stageRead  = iota // read the file
	stageCut          // cut the orders at the end, fit the models, value
	stageValue        // value with the fitted models
)

// errCancelled stops a job that newer input replaced.
var errCancelled = errors.New("cancelled")

// start begins the work from a stage, cancelling any work under way.
func (p *transactionsPage) start(ctx app.Context, from int) {
	job := p.newJob()
	s, err := p.settings()
	p.settingsErr = err
	if err != nil {
		// The figures on the page are no longer those of the fields: they
		// go, and the error is shown by its field.
		p.busy, p.val, p.rows = false, nil, nil
		if calc.ErrorFor(err, "end") != nil {
			p.base, p.models = nil, nil
		}
		return
	}
	if from == stageValue && p.models == nil {
		from = stageCut // the fit failed or never ran
	}
	if from >= stageCut && (p.orders == nil || p.orders.fromWorker && p.worker == nil) {
		from = stageRead
	}
	if from == stageRead && p.file == nil && p.pasted == "" {
		return
	}
	p.busy, p.failures, p.exported = true, nil, ""
	p.stage, p.readPct = "read", 0
	// The columns of the file read last stay on the page while it is read
	// again (a column or the date order changed): the figures go.
	if from <= stageCut {
		p.base, p.models = nil, nil
	}
	if from < stageValue {
		p.val, p.rows = nil, nil
	}
	// Valuing again (the horizon, the margin or the discount changed):
	// the figures stay, marked as being updated, until the new ones come.
	w := txWork{job: job, from: from, settings: s, opts: p.columns, file: p.file, pasted: p.pasted,
		base: p.base, models: p.models}
	if p.orders != nil {
		w.orders = p.orders.Orders
	}
	p.began = time.Now()
	if !p.startInWorker(w) {
		go p.runHere(ctx, w)
	}
}

// newJob numbers a new job: the work of the one before stops.
func (p *transactionsPage) newJob() int64 {
	job := p.job.Add(1)
	p.tellWorkerJob()
	return job
}

// runHere does the work of w on the page's own thread, in slices of about
// 20 ms each followed by a yield to the browser: where the order worker
// cannot run, and natively.
func (p *transactionsPage) runHere(ctx app.Context, w txWork) {
	defer relaxGC()()
	current := func() bool { return p.job.Load() == w.job }
	yieldToBrowser() // let the page show that the work started
	doTxWork(w, sliceYield(current, 20*time.Millisecond), func(e txEvent) {
		ctx.Dispatch(func(ctx app.Context) {
			if current() {
				p.apply(e)
				if e.kind == evValue {
					p.showHoldout(ctx, w.job)
				}
			}
		})
	})
}

// relaxGC lets the heap grow to five times what is live (GOGC=400, and at
// most 768 MiB unless more is live) while some work runs, and returns the
// func that puts the collector back as it was when the last work ends. In
// the browser the collector runs on the page's one thread: with the default
// GOGC of 100 its cycles over the orders' records made tasks of 110-155 ms
// during a fit of 7,000 orders, 63-88 ms with this
// (BenchmarkBrowserTransactions).
func relaxGC() (restore func()) {
	gcRelaxed.Lock()
	defer gcRelaxed.Unlock()
	if gcRelaxed.n == 0 {
		gcRelaxed.percent = debug.SetGCPercent(400)
		gcRelaxed.limit = debug.SetMemoryLimit(768 << 20)
	}
	gcRelaxed.n++
	return func() {
		gcRelaxed.Lock()
		defer gcRelaxed.Unlock()
		if gcRelaxed.n--; gcRelaxed.n == 0 {
			debug.SetGCPercent(gcRelaxed.percent)
			debug.SetMemoryLimit(gcRelaxed.limit)
		}
	}
}

// gcRelaxed counts the works under way of relaxGC, and holds the settings
// to put back.
var gcRelaxed struct {
	sync.Mutex
	n       int
	percent int
	limit   int64
}

// cancel stops the work under way.
func (p *transactionsPage) cancel(ctx app.Context, e app.Event) {
	p.newJob()
	p.typing++
	// Figures being valued again are those of other settings: they go.
	p.busy, p.val, p.rows = false, nil, nil
	p.failures = []string{p.loc.tr("Stopped. Change a setting or choose a file to start again.")}
}

// chooseFile reads the file chosen in the file input.
func (p *transactionsPage) chooseFile(ctx app.Context, e app.Event) {
	p.takeFile(ctx, chosenBlob(ctx.JSSrc()))
	ctx.JSSrc().Set("value", "")
}

// dragOver lets the drop zone take a file.
func (p *transactionsPage) dragOver(ctx app.Context, e app.Event) { e.PreventDefault() }

// drop reads a file dropped on the page.
func (p *transactionsPage) drop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.takeFile(ctx, chosenBlob(e.Get("dataTransfer")))
}

func (p *transactionsPage) takeFile(ctx app.Context, f app.Value) {
	if f == nil {
		return
	}
	name, size := f.Get("name").String(), int64(f.Get("size").Int())
	if size > maxOrderFileBytes {
		p.newJob()
		p.busy = false
		p.failures = []string{p.loc.tr("The file is {0} MiB; the page reads files of up to {1} MiB. The command line (go run ./app transactions) has no limit.",
			p.loc.number(strconv.FormatInt((size+(1<<20)-1)>>20, 10)), p.loc.number(strconv.Itoa(maxOrderFileBytes>>20)))}
		return
	}
	p.file, p.fileName, p.pasted, p.columns = f, name, "", calc.OrderOptions{}
	p.start(ctx, stageRead)
}

// onPasteInput keeps the paste area's text.
func (p *transactionsPage) onPasteInput(ctx app.Context, e app.Event) {
	p.pasteText = ctx.JSSrc().Get("value").String()
}

// readPasted reads the pasted orders.
func (p *transactionsPage) readPasted(ctx app.Context, e app.Event) {
	if strings.TrimSpace(p.pasteText) == "" {
		p.failures = []string{p.loc.tr("Paste the orders first: a header row, then one row per order.")}
		return
	}
	if len(p.pasteText) > maxOrderFileBytes {
		p.failures = []string{p.loc.tr("The pasted text is over {0} MiB: choose the file instead.", p.loc.number(strconv.Itoa(maxOrderFileBytes>>20)))}
		return
	}
	p.file, p.fileName, p.pasted, p.columns = nil, p.loc.tr("pasted orders"), p.pasteText, calc.OrderOptions{}
	p.start(ctx, stageRead)
}

// onColumn switches a column (data-col: customer, date, amount) or the
// order of day and month (date_order), and reads the file again.
func (p *transactionsPage) onColumn(ctx app.Context, e app.Event) {
	el := e.Get("target")
	v := el.Get("value").String()
	if p.orders == nil {
		return
	}
	name := ""
	if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(p.orders.Header) {
		name = p.orders.Header[i]
	}
	switch el.Get("name").String() {
	case "customer":
		p.columns.Customer = name
	case "date":
		p.columns.Date = name
	case "amount":
		p.columns.Amount = name
	case "dates":
		switch v {
		case calc.DateOrderAuto, calc.DateOrderDMY, calc.DateOrderMDY:
			p.columns.DateOrder = v
		}
	default:
		return
	}
	p.columns.Customer = orDefault(p.columns.Customer, p.orders.Customer)
	p.columns.Date = orDefault(p.columns.Date, p.orders.Date)
	p.columns.Amount = orDefault(p.columns.Amount, p.orders.Amount)
	p.start(ctx, stageRead)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// onSetting takes a setting as typed (data-q: end, period, horizon,
// margin, discount) and redoes what it changes.
func (p *transactionsPage) onSetting(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	key, v := el.Get("dataset").Get("q").String(), el.Get("value").String()
	from := stageValue
	switch key {
	case "end":
		p.end, from = v, stageCut
	case "period":
		if _, ok := calc.PeriodDays(v); !ok || v == p.period {
			return // the same period again: nothing to do
		}
		p.convertHorizon(p.period, v)
		p.period, from = v, stageCut
	default:
		if !p.setTyped(key, v) {
			return
		}
	}
	p.typing++ // a pause in typing that comes after this has nothing left to do
	p.redo(ctx, from)
}

// setTyped takes the text of the horizon, the margin or the discount
// (key: data-q); false for another key.
func (p *transactionsPage) setTyped(key, v string) bool {
	switch key {
	case "horizon":
		p.horizon, p.periodNote = v, ""
	case "margin":
		p.margin = v
	case "discount":
		p.discount = v
	default:
		return false
	}
	return true
}

// redo puts the settings in the URL and redoes the work from a stage; with
// no file, it only checks them.
func (p *transactionsPage) redo(ctx app.Context, from int) {
	p.syncURL(ctx)
	if p.orders == nil {
		_, p.settingsErr = p.settings()
		p.busy = false
		return
	}
	p.start(ctx, from)
}

// onSettingInput takes the horizon, the margin or the discount as it is
// typed: the figures below are marked as being updated at once, and valued
// again once typing pauses (or at once when the field is left: onSetting),
// so that they are never those of other settings than the fields show.
func (p *transactionsPage) onSettingInput(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	if !p.setTyped(el.Get("dataset").Get("q").String(), el.Get("value").String()) {
		return
	}
	p.typing++
	n := p.typing
	p.busy = p.val != nil // shown as being updated
	ctx.After(txTypingPause, func(ctx app.Context) {
		if n != p.typing {
			return // typed on since
		}
		p.redo(ctx, stageValue)
	})
}

// txTypingPause is how long typing in a setting pauses before the
// customers are valued again.
const txTypingPause = 300 * time.Millisecond

// convertHorizon keeps the horizon's length in time when the period
// changes: 104 weeks become 24 months, not 104 months. An empty horizon
// is a year in any period; one that is not a whole number stays as typed,
// with its error.
func (p *transactionsPage) convertHorizon(from, to string) {
	p.periodNote = ""
	t := strings.TrimSpace(p.horizon)
	h, err := strconv.Atoi(p.loc.parse(t))
	fromDays, ok1 := calc.PeriodDays(from)
	toDays, ok2 := calc.PeriodDays(to)
	if t == "" || err != nil || h <= 0 || !ok1 || !ok2 || from == to {
		return
	}
	n := max(int(float64(h)*fromDays/toDays+0.5), 1)
	p.horizon = strconv.Itoa(n)
	l := p.loc
	p.periodNote = l.tr("Horizon converted: {0} ≈ {1}.", txPeriodCount(l, h, from), txPeriodCount(l, n, to))
}

// txPeriodCount is a number of periods in words: "104 weeks".
func txPeriodCount(l locale, n int, period string) string {
	s := l.number(strconv.Itoa(n))
	switch period {
	case calc.PeriodDay:
		return l.plural(strconv.Itoa(n), "{0} day", "{0} days", s)
	case calc.PeriodWeek:
		return l.plural(strconv.Itoa(n), "{0} week", "{0} weeks", s)
	}
	return l.plural(strconv.Itoa(n), "{0} month", "{0} months", s)
}

// sortBy sorts the customer table by a column (data-key), or flips the
// order of the column it is sorted by.
func (p *transactionsPage) sortBy(ctx app.Context, e app.Event) {
	btn := e.Get("target").Call("closest", "button[data-key]")
	if !btn.Truthy() {
		return
	}
	key := btn.Get("dataset").Get("key").String()
	known := false
	for _, c := range txColumns {
		known = known || c.key == key
	}
	if !known {
		return
	}
	id := btn.Get("id").String()
	ctx.Defer(func(app.Context) { focusElement(id, false) }) // the table is drawn anew
	if key == p.sortKey {
		p.sortAsc = !p.sortAsc
	} else {
		p.sortKey, p.sortAsc = key, key == "id"
	}
}

// exportCSV downloads every customer's figures as CSV, built in slices.
func (p *transactionsPage) exportCSV(ctx app.Context, e app.Event) {
	if p.val == nil || p.base == nil {
		return
	}
	v, b, l := p.val, p.base, p.loc
	job := p.job.Load()
	go func() {
		data := customersCSV(b, v, func(i int) bool {
			if i%4096 == 4095 {
				yieldToBrowser()
			}
			return p.job.Load() == job
		})
		ctx.Dispatch(func(ctx app.Context) {
			if data == nil {
				return
			}
			if err := download("ltv-customers.csv", "text/csv", data); err != nil {
				p.exported = l.tr("Your browser did not start the download.")
				return
			}
			p.exported = l.tr("Downloaded {0}.", "ltv-customers.csv")
		})
	}()
}

// customersCSV writes every customer of a valuation as CSV (RFC 4180,
// CRLF): the command's per-customer fields, figures as decimal strings.
// A customer that starts with =, +, - or @ is prefixed with ' so that a
// spreadsheet does not run it as a formula. goOn is asked before each row;
// false stops, and nil is returned.
func customersCSV(b *calc.CustomerBase, v *calc.Valuation, goOn func(int) bool) []byte {
	var w strings.Builder
	w.WriteString("customer,frequency,recency,T,monetary_value,p_alive,expected_transactions,expected_average_value,clv\r\n")
	for i, c := range v.Customers {
		if !goOn(i) {
			return nil
		}
		r := b.Customers[c.Record]
		rfm := b.RFM(r)
		w.WriteString(csvCell(r.ID))
		for _, f := range []string{strconv.Itoa(r.X), calc.FloatDecimal(rfm.Tx).Round(4).String(), calc.FloatDecimal(rfm.T).Round(4).String(),
			c.Monetary.StringFixed(2), calc.FloatDecimal(c.PAlive).Round(4).String(), calc.FloatDecimal(c.Expected).Round(4).String(),
			c.ExpectedValue.StringFixed(2), c.CLV.StringFixed(2)} {
			w.WriteByte(',')
			w.WriteString(f)
		}
		w.WriteString("\r\n")
	}
	return []byte(w.String())
}

func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	return csvField(s)
}

// usePurchaseCalculator is the purchase calculator's URL with the fitted
// population's figures: order value, purchases a year and the horizon in
// years, and the gross margin; the acquisition cost empty, not the
// calculator's example.
func (p *transactionsPage) usePurchaseCalculator() string {
	v := p.val
	q := url.Values{}
	l := p.loc
	q.Set("aov", l.typed(v.PopulationOrderValue.StringFixed(2)))
	q.Set("freq", l.typed(v.PurchasesPerYear().String()))
	q.Set("years", l.typed(v.HorizonYears.String()))
	q.Set("gm", l.typed(v.Settings.MarginPct.String()))
	q.Set("cac", "") // the file does not say what a customer cost: none is assumed
	q.Set("lang", p.loc.Lang)
	q.Set("cur", p.loc.Currency)
	return pageHref("/?" + q.Encode())
}
