package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

func (p *transactionsPage) Render() app.UI {
	l := p.loc
	return pageShell(shellState{Active: "/transactions", Loc: l, Query: "lang=" + l.Lang + "&cur=" + l.Currency, Menus: p},
		app.H1().Text(l.tr("Your orders: lifetime value from a shop's export")),
		app.P().Class("lead").Text(l.tr("Choose a CSV export of your shop's orders: the BG/NBD and Gamma-Gamma models measure how often your customers buy, how long they stay and what they spend, and value each of them. Nothing leaves this page.")),
		p.renderInput(),
		app.If(p.orders != nil, p.renderColumns),
		p.renderSettings(),
		app.If(p.orders != nil && p.base != nil, p.renderData),
		app.If(p.models != nil, p.renderModels),
		app.If(p.val != nil, p.renderCustomers),
		app.If(p.val != nil && p.val.Holdout != nil && !p.holdoutLater, p.renderHoldout),
		app.If(p.val != nil, p.renderUse),
		app.Details().Class("how").Body(
			app.Summary().Text(l.tr("How this is computed")),
			app.P().Text(l.tr("One customer's orders on one day are one purchase. Up to the calibration end each customer has x repeat purchases (after the first), the last at t_x, and T periods since the first purchase.")),
			app.P().Text(l.tr("BG/NBD (Fader, Hardie & Lee 2005, \"Counting Your Customers the Easy Way\"): while active, a customer buys at a steady rate, rates vary across customers as a gamma(r, alpha) distribution; after each repeat purchase the customer leaves with a probability p, and p varies as a beta(a, b) distribution. P(alive) and the expected purchases follow from x, t_x and T.")),
			app.P().Text(l.tr("Gamma-Gamma (Fader, Hardie & Lee 2005, \"RFM and CLV\"; Fader & Hardie 2013): each purchase's value is gamma distributed around the customer's own mean, which varies across customers; it is fitted to the customers with repeat purchases and assumes spend does not depend on frequency (the correlation shown should be near 0).")),
			app.P().Text(l.tr("Both are fitted by maximum likelihood; the 90\u00a0% intervals come from the curvature of the likelihood at its maximum. CLV = expected purchases in the horizon x expected order value x gross margin, each period's purchases discounted at the annual rate.")),
		),
	)
}

// renderInput is the file input, the drop zone, the paste area and the
// status of the work.
func (p *transactionsPage) renderInput() app.UI {
	l := p.loc
	status := ""
	switch {
	case p.busy && p.stage == "read":
		status = l.tr("Reading {0}: {1} %", p.fileName, l.number(strconv.Itoa(p.readPct)))
	case p.busy && p.stage == "fit":
		status = l.tr("Fitting the models to {0} customers…", l.number(strconv.Itoa(p.customersSeen())))
	case p.busy:
		status = l.tr("Valuing the customers…")
	case p.val != nil:
		status = l.tr("{0}: done in {1} s.", p.fileName, l.number(calc.FloatDecimal(p.elapsed.Seconds()).Round(2).String()))
	}
	return app.Section().Class("fields tx-input").Aria("labelledby", "tx-file-title").
		On("dragover", p.dragOver).On("drop", p.drop).Body(
		app.H2().ID("tx-file-title").Class("fields-title").Text(l.tr("Your orders")),
		app.Div().Class("field").Body(
			app.Label().For("tx-file").Class("field-label").Text(l.tr("Choose a CSV file of orders")),
			app.Input().Type("file").ID("tx-file").Name("tx-file").Class("field-input").
				Accept(".csv,.tsv,.txt,text/csv,text/plain").Aria("describedby", "tx-file-hint").OnChange(p.chooseFile),
			app.P().ID("tx-file-hint").Class("field-hint").Text(l.tr("Or drop it on this box. A header row, then one row per order (or per line of an order, as Shopify exports): a customer (id or email), a date and an amount. Comma, semicolon or tab separated, UTF-8, at most 200 MiB.")),
		),
		app.Details().Class("more").ID("tx-paste-box").Body(
			app.Summary().Text(l.tr("Or paste the orders")),
			app.Div().Class("field field-wide").Body(
				app.Label().For("tx-paste").Class("field-label").Text(l.tr("Orders, with their header row")),
				app.Textarea().ID("tx-paste").Name("tx-paste").Class("field-input field-area").Rows(6).Spellcheck(false).OnInput(p.onPasteInput),
				app.Button().Type("button").ID("tx-paste-read").Class("button").Text(l.tr("Read the pasted orders")).OnClick(p.readPasted),
			),
		),
		app.Div().ID("tx-status").Class("tx-status").Aria("live", "polite").Body(
			app.If(status != "", func() app.UI { return app.P().ID("tx-progress").Text(status) }),
			app.Range(p.failures).Slice(func(i int) app.UI { return app.P().Class("field-error").Text(p.failures[i]) }),
		),
		app.If(p.busy, func() app.UI {
			return app.Button().Type("button").ID("tx-cancel").Class("button button-small").Text(l.tr("Cancel")).OnClick(p.cancel)
		}),
	)
}

// customersSeen is the number of customers read so far.
func (p *transactionsPage) customersSeen() int {
	if p.orders == nil {
		return 0
	}
	return p.orders.Customers
}

// renderColumns shows the columns found, with the first rows, and lets the
// visitor change them.
func (p *transactionsPage) renderColumns() app.UI {
	l, o := p.loc, p.orders
	// The selects as HTML strings (a file may have a hundred columns, three
	// selects of them), their changes taken by one handler on the grid.
	sel := func(id, name, label, current string) app.UI {
		var b strings.Builder
		b.WriteString(`<div class="field"><label for="` + id + `" class="field-label">` + escapeHTML(label) + `</label><select id="` + id + `" name="` + name + `" class="field-input">`)
		for i, h := range o.Header {
			selected := ""
			if h == current {
				selected = " selected"
			}
			b.WriteString(`<option value="` + strconv.Itoa(i) + `"` + selected + `>` + escapeHTML(h) + `</option>`)
		}
		b.WriteString(`</select></div>`)
		return app.Raw(b.String())
	}
	head := append([]string{}, o.Header...)
	return app.Section().Class("fields").Aria("labelledby", "tx-columns-title").Body(
		app.H2().ID("tx-columns-title").Class("fields-title").Text(l.tr("Columns")),
		app.Div().Class("tx-grid").OnChange(p.onColumn).Body(
			sel("tx-col-customer", "customer", l.tr("Customer"), o.Customer),
			sel("tx-col-date", "date", l.tr("Order date"), o.Date),
			sel("tx-col-amount", "amount", l.tr("Amount"), o.Amount),
			app.Div().Class("field").Body(
				app.Label().For("tx-dates").Class("field-label").Text(l.tr("Dates such as 03/04/2024")),
				app.Select().ID("tx-dates").Name("dates").Class("field-input").Aria("describedby", "tx-dates-hint").Body(
					app.Range(txDateChoices).Slice(func(i int) app.UI {
						c := txDateChoices[i]
						opt := app.Option().Value(c.Value).Text(l.tr(c.Label))
						if c.Value == p.columns.DateOrder {
							opt = opt.Selected(true)
						}
						return opt
					}),
				),
				app.P().ID("tx-dates-hint").Class("field-hint").Text(l.tr("Day and month can be either way round: say which when the dates do not tell.")),
			),
		),
		app.If(o.Order != "" || o.Status != "" || o.Refund != "", func() app.UI {
			return app.P().Class("field-hint").ID("tx-extra-columns").Text(l.tr("Also used: order number {0}, status {1}, refunds {2}.",
				orDash(o.Order), orDash(o.Status), orDash(o.Refund)))
		}),
		chartData(l.tr("The first rows of the file"), l.tr("The first rows of the file"), head, previewRows(o.Orders)),
	)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return "“" + s + "”"
}

// previewRows are the first rows, one cell per column of the header.
func previewRows(o *calc.Orders) [][]string {
	var rows [][]string
	for _, r := range o.Preview {
		row := make([]string, len(o.Header))
		copy(row, r)
		rows = append(rows, row)
	}
	return rows
}

// renderSettings are the calibration end, the period, the horizon, the
// margin and the discount rate.
func (p *transactionsPage) renderSettings() app.UI {
	l := p.loc
	unit := map[string]string{calc.PeriodDay: l.tr("days"), calc.PeriodWeek: l.tr("weeks"), calc.PeriodMonth: l.tr("months")}[p.period]
	periods := []choice{{calc.PeriodDay, "Day"}, {calc.PeriodWeek, "Week"}, {calc.PeriodMonth, "Month"}}
	endValue := ""
	if _, ok := calc.ParseDay(strings.TrimSpace(p.end)); ok {
		endValue = strings.TrimSpace(p.end)
	}
	endHint := l.tr("Orders on or before this day fit the models; those after it check them. Empty: the last order's day.")
	if p.orders != nil && p.orders.Kept > 0 {
		endHint = l.tr("Orders on or before this day fit the models; those after it check them. Empty: the last order's day ({0}).", calc.FormatDay(p.orders.LastDay))
	}
	return app.Section().Class("fields").Aria("labelledby", "tx-settings-title").Body(
		app.H2().ID("tx-settings-title").Class("fields-title").Text(l.tr("Settings")),
		app.Div().Class("tx-grid").Body(
			p.settingField("end", "date", l.tr("Calibration end"), endValue, endHint),
			app.Div().Class("field").Body(
				app.Label().For("period").Class("field-label").Text(l.tr("Period")),
				app.Select().ID("period").Name("period").Class("field-input").DataSet("q", "period").Aria("describedby", "period-hint").OnChange(p.onSetting).Body(
					app.Range(periods).Slice(func(i int) app.UI {
						c := periods[i]
						opt := app.Option().Value(c.Value).Text(l.tr(c.Label))
						if c.Value == p.period {
							opt = opt.Selected(true)
						}
						return opt
					}),
				),
				app.P().ID("period-hint").Class("field-hint").Text(l.tr("The unit of recency, T and the horizon.")),
				app.If(p.periodNote != "", func() app.UI {
					return app.P().ID("period-note").Class("field-note").Attr("role", "status").Text(p.periodNote)
				}),
			),
			p.settingField("horizon", "text", l.tr("Prediction horizon")+" ("+unit+")", attrNumber(p.horizon),
				l.tr("How far ahead to predict. Empty: one year ({0}).", l.number(strconv.Itoa(defaultHorizon(p.period))))),
			p.settingField("margin", "text", l.tr("Gross margin")+" (%)", attrNumber(p.margin), l.tr("Share of revenue left after the cost of goods. Empty: 100\u00a0% (revenue).")),
			p.settingField("discount", "text", l.tr("Discount rate")+" ("+l.tr("% a year")+")", attrNumber(p.discount), l.tr("What money later is worth to you less than money now. Empty: 10\u00a0% a year.")),
		),
	)
}

// settingField is one input of the settings with its hint and error.
func (p *transactionsPage) settingField(key, typ, label, value, hint string) app.UI {
	msg := ""
	if fe := calc.ErrorFor(p.settingsErr, key); fe != nil {
		msg = p.settingError(fe)
	}
	describedBy := key + "-hint"
	if msg != "" {
		describedBy += " " + key + "-error"
	}
	in := app.Input().Type(typ).ID(key).Name(key).Class("field-input").DataSet("q", key).
		AutoComplete(false).Aria("describedby", describedBy).Value(value).OnChange(p.onSetting)
	if typ == "text" {
		in = in.Attr("inputmode", "decimal").Spellcheck(false).OnInput(p.onSettingInput)
	}
	if msg != "" {
		in = in.Aria("invalid", "true")
	}
	return app.Div().Class("field").Body(
		app.Label().For(key).Class("field-label").Text(label),
		in,
		app.P().ID(key+"-hint").Class("field-hint").Text(hint),
		app.If(msg != "", func() app.UI { return app.P().ID(key + "-error").Class("field-error").Text(msg) }),
	)
}

// settingError words a setting's error in the locale.
func (p *transactionsPage) settingError(fe *calc.FieldError) string {
	l := p.loc
	switch fe.Field {
	case "end":
		if fe.Code == calc.CodeInvalid {
			return l.tr("Enter a date.")
		}
		return l.tr("Choose a day between the first order and the last.")
	case "horizon":
		if fe.Code == calc.CodeOutOfRange {
			maxH := defaultHorizon(p.period) * calc.MaxHorizonYears
			return l.tr("Between 1 and about {0} (10 years).", l.number(strconv.Itoa(maxH)))
		}
		return l.tr("Enter a whole number of periods.")
	}
	if fe.Code == calc.CodeOutOfRange {
		if fe.Field == "margin" {
			return l.tr("Above 0 and at most 100.")
		}
		return l.tr("From 0 to 100.")
	}
	return errorText(fe, l)
}

// renderData is what the file holds: customers, purchases, dates, and the
// rows left out with why.
func (p *transactionsPage) renderData() app.UI {
	l, o, b := p.loc, p.orders, p.base
	n := func(i int) string { return l.number(strconv.Itoa(i)) }
	rows := [][2]string{
		{l.tr("Customers"), n(len(b.Customers))},
		{l.tr("Repeat customers"), n(b.Repeat)},
		{l.tr("Purchases (one customer's orders on one day are one)"), n(b.Occasions)},
		{l.tr("Dates covered"), unbrokenDay(b.First) + " – " + unbrokenDay(b.Last)},
		{l.tr("Calibration end"), unbrokenDay(b.End)},
		{l.tr("Rows read"), n(o.Rows)},
		{l.tr("Orders kept"), n(o.Kept)},
	}
	if o.LineRows > 0 {
		rows = append(rows, [2]string{l.tr("Rows that continue the order above (one order)"), n(o.LineRows)})
	}
	if o.PartialRefunds > 0 {
		rows = append(rows, [2]string{l.tr("Orders kept net of a partial refund"), n(o.PartialRefunds)})
	}
	if b.Later > 0 {
		rows = append(rows, [2]string{l.tr("Customers whose first order is after the end (left out)"), n(b.Later)})
	}
	if b.Last > b.End {
		rows = append(rows, [2]string{l.tr("Purchases after the end (the holdout check)"), n(b.HoldoutOccasions)})
	}
	if o.AmbiguousAmounts > 0 {
		how := l.tr("as thousands: no amount in the file shows a decimal mark")
		if o.DecimalMark != "" {
			how = l.tr("with the file's decimal mark “{0}”", o.DecimalMark)
		}
		rows = append(rows, [2]string{l.tr("Amounts such as 1,234 read {0}", how), n(o.AmbiguousAmounts)})
	}
	skipped := 0
	var reasons []string
	for _, code := range []string{calc.SkipRefund, calc.SkipCancelled, calc.SkipNoCustomer, calc.SkipNoDate, calc.SkipBadDate, calc.SkipTwoDigitYear, calc.SkipDateOrder, calc.SkipNoAmount, calc.SkipBadAmount, calc.SkipTooPrecise, calc.SkipTooLarge, calc.SkipShortRow, calc.SkipEmptyRow} {
		if c := o.SkipCounts[code]; c > 0 {
			skipped += c
			reasons = append(reasons, p.skipReason(code)+": "+n(c))
		}
	}
	// As HTML strings: go-app makes each element through calls into
	// JavaScript, which on the first result cost more than the figures.
	var dl strings.Builder
	dl.WriteString(`<dl class="result-rows">`)
	for _, r := range rows {
		dl.WriteString(`<div class="result-row"><dt>` + escapeHTML(r[0]) + `</dt><dd class="result-figure">` + escapeHTML(r[1]) + `</dd></div>`)
	}
	dl.WriteString(`</dl>`)
	var ul strings.Builder
	ul.WriteString(`<ul class="tx-skipped">`)
	for _, s := range o.Skipped {
		text := l.tr("Row {0}: {1}", n(s.Row), p.skipReason(s.Reason))
		if s.Column != "" {
			text += " (" + s.Column + ": “" + s.Value + "”)"
		}
		ul.WriteString(`<li>` + escapeHTML(text) + `</li>`)
	}
	ul.WriteString(`</ul>`)
	return app.Section().Class("result tx-data tx-result").Aria("labelledby", "tx-data-title").Body(
		app.H2().ID("tx-data-title").Class("result-label").Text(l.tr("The data")),
		app.Raw(dl.String()),
		app.P().ID("tx-skipped").Text(l.tr("Rows skipped: {0}.", n(skipped))+" "+strings.Join(reasons, "; ")),
		app.If(len(o.Skipped) > 0, func() app.UI { return app.Raw(ul.String()) }),
	)
}

// unbrokenDay is a day as YYYY-MM-DD with non-breaking hyphens: a phone
// broke "2024-06-30" at its hyphens.
func unbrokenDay(day int) string {
	return strings.ReplaceAll(calc.FormatDay(day), "-", "\u2011")
}

// skipReason words a reason a row was skipped.
func (p *transactionsPage) skipReason(code string) string {
	l := p.loc
	switch code {
	case calc.SkipEmptyRow:
		return l.tr("empty row")
	case calc.SkipShortRow:
		return l.tr("fewer fields than the columns")
	case calc.SkipNoCustomer:
		return l.tr("no customer")
	case calc.SkipNoDate:
		return l.tr("no date")
	case calc.SkipBadDate:
		return l.tr("not a date")
	case calc.SkipTwoDigitYear:
		return l.tr("two-digit year")
	case calc.SkipDateOrder:
		return l.tr("a date only valid with day and month the other way round")
	case calc.SkipNoAmount:
		return l.tr("no amount")
	case calc.SkipBadAmount:
		return l.tr("not an amount")
	case calc.SkipTooPrecise:
		return l.tr("more than 6 decimal places")
	case calc.SkipTooLarge:
		return l.tr("amount over a trillion")
	case calc.SkipRefund:
		return l.tr("refund (left out)")
	case calc.SkipCancelled:
		return l.tr("cancelled or failed order")
	}
	return code
}

// renderModels shows the fitted parameters with their 90 % intervals.
func (p *transactionsPage) renderModels() app.UI {
	l, m := p.loc, p.models
	f := func(v float64) string { return l.number(sig(v)) }
	type param struct {
		name, what string
		v          float64
		iv         calc.Interval
	}
	bg, gg := m.BGNBD, m.GammaGamma
	params := []param{
		{"r", l.tr("purchase rate: shape"), bg.R, bg.Intervals[0]},
		{"alpha", l.tr("purchase rate: scale, in periods"), bg.Alpha, bg.Intervals[1]},
		{"a", l.tr("dropout: beta a"), bg.A, bg.Intervals[2]},
		{"b", l.tr("dropout: beta b"), bg.B, bg.Intervals[3]},
		{"p", l.tr("order value: shape"), gg.P, gg.Intervals[0]},
		{"q", l.tr("spread of customers' mean value: shape"), gg.Q, gg.Intervals[1]},
		{"gamma", l.tr("spread of customers' mean value: scale"), gg.Gamma, gg.Intervals[2]},
	}
	var b strings.Builder
	b.WriteString(`<table class="tx-table" id="tx-params"><thead><tr><th scope="col">` + escapeHTML(l.tr("Parameter")) + `</th><th scope="col">` +
		escapeHTML(l.tr("Estimate")) + `</th><th scope="col">` + escapeHTML(l.tr("90\u00a0% interval")) + `</th><th scope="col">` + escapeHTML(l.tr("Meaning")) + `</th></tr></thead><tbody>`)
	for i, pr := range params {
		if i == 0 || i == 4 {
			model := "BG/NBD"
			ll := bg.LogLikelihood
			if i == 4 {
				model, ll = "Gamma-Gamma", gg.LogLikelihood
			}
			b.WriteString(`<tr><th scope="rowgroup" colspan="4">` + escapeHTML(model+" · "+l.tr("log-likelihood {0}", l.number(calc.FloatDecimal(ll).Round(1).String()))) + `</th></tr>`)
		}
		b.WriteString(`<tr><th scope="row">` + pr.name + `</th><td>` + escapeHTML(f(pr.v)) + `</td><td>` +
			escapeHTML(f(pr.iv.Low)+" – "+f(pr.iv.High)) + `</td><td>` + escapeHTML(pr.what) + `</td></tr>`)
	}
	b.WriteString(`</tbody></table>`)
	note := l.tr("The spend model was fitted to {0} repeat customers; the correlation between their number of purchases and their average order value is {1}.",
		l.number(strconv.Itoa(gg.Customers)), l.number(calc.FloatDecimal(m.SpendCorrelation).Round(2).String()))
	if m.SpendZero > 0 {
		note += " " + l.tr("{0} repeat customers whose repeat orders are all worth 0 are left out of it.", l.number(strconv.Itoa(m.SpendZero)))
	}
	return app.Section().Class("result tx-result").Aria("labelledby", "tx-models-title").Body(
		app.H2().ID("tx-models-title").Class("result-label").Text(l.tr("The models")),
		app.Div().Class("table-scroll tx-params-scroll").TabIndex(0).Attr("role", "region").Aria("label", l.tr("The models")).Body(app.Raw(b.String())),
		app.P().Class("field-hint").Text(note),
	)
}

// sig writes v with 4 significant digits (or 3 decimals for small v).
func sig(v float64) string {
	d := calc.FloatDecimal(v)
	switch a := d.Abs(); {
	case a.GreaterThanOrEqual(decimal.NewFromInt(1000)):
		return d.Round(0).String()
	case a.GreaterThanOrEqual(decimal.NewFromInt(1)):
		return d.Round(3).String()
	}
	return d.Round(4).String()
}

// txTopRows is the size of the customer table.
const txTopRows = 50

// txDateChoices are the choices of the order of day and month.
var txDateChoices = []choice{{calc.DateOrderAuto, "Found from the dates"}, {calc.DateOrderDMY, "Day first: 15/01/2024"}, {calc.DateOrderMDY, "Month first: 01/15/2024"}}

// txColumns are the columns of the customer table: sort key and header.
var txColumns = []struct{ key, label string }{
	{"id", "Customer"}, {"clv", "CLV"}, {"x", "Repeat purchases"}, {"recency", "Recency"}, {"t", "T"},
	{"monetary", "Average repeat order"}, {"palive", "P(alive)"}, {"expected", "Expected purchases"},
	{"ev", "Expected order value"},
}

// top returns the rows shown: the first txTopRows in the chosen order.
func (p *transactionsPage) top() []txRow {
	key := func(r txRow) float64 {
		switch p.sortKey {
		case "x":
			return float64(r.x)
		case "recency":
			return r.recency
		case "t":
			return r.t
		case "monetary":
			return r.monetary
		case "palive":
			return r.pAlive
		case "expected":
			return r.expected
		case "ev":
			return r.ev
		}
		return r.clv
	}
	less := func(a, b txRow) int {
		var c int
		if p.sortKey == "id" {
			c = strings.Compare(a.id, b.id)
		} else if ka, kb := key(a), key(b); ka < kb {
			c = -1
		} else if ka > kb {
			c = 1
		}
		if !p.sortAsc {
			c = -c
		}
		if c == 0 {
			c = a.i - b.i
		}
		return c
	}
	// Keep the best txTopRows in a sorted slice: one pass, no full sort.
	out := make([]txRow, 0, txTopRows+1)
	for _, r := range p.rows {
		if len(out) == txTopRows && less(r, out[len(out)-1]) >= 0 {
			continue
		}
		out = append(out, r)
		for j := len(out) - 1; j > 0 && less(out[j], out[j-1]) < 0; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
		if len(out) > txTopRows {
			out = out[:txTopRows]
		}
	}
	return out
}

// renderCustomers is the sortable table of the top customers, the
// download of all of them and the histogram of P(alive).
func (p *transactionsPage) renderCustomers() app.UI {
	l, v, b := p.loc, p.val, p.base
	unit := map[string]string{calc.PeriodDay: l.tr("days"), calc.PeriodWeek: l.tr("weeks"), calc.PeriodMonth: l.tr("months")}[b.Period]
	var body strings.Builder
	for _, r := range p.top() {
		c := v.Customers[r.i]
		rec := b.Customers[c.Record]
		rfm := b.RFM(rec)
		// In the order of txColumns: CLV first, seen without scrolling
		// across on a phone.
		cells := []string{
			l.money(c.CLV.StringFixed(2)), l.number(strconv.Itoa(rec.X)), l.number(calc.FloatDecimal(rfm.Tx).Round(2).String()), l.number(calc.FloatDecimal(rfm.T).Round(2).String()),
			l.money(c.Monetary.StringFixed(2)), l.percent(calc.FloatDecimal(c.PAlive * 100).Round(1).String()),
			l.number(calc.FloatDecimal(c.Expected).Round(2).String()), l.money(c.ExpectedValue.StringFixed(2)),
		}
		if rec.X == 0 {
			cells[4] = "—"
		}
		body.WriteString(`<tr><th scope="row">` + escapeHTML(rec.ID) + `</th>`)
		for _, cell := range cells {
			body.WriteString(`<td>` + escapeHTML(cell) + `</td>`)
		}
		body.WriteString(`</tr>`)
	}
	title := l.tr("The {0} customers of highest value over {1} {2}", l.number(strconv.Itoa(min(txTopRows, len(v.Customers)))),
		l.number(strconv.Itoa(v.Settings.Horizon)), unit)
	var table strings.Builder
	caption := title + " · " + l.tr("recency and T in {0}; sort with the column buttons", unit)
	table.WriteString(`<table class="tx-table" id="tx-top"><caption class="visually-hidden">` + escapeHTML(caption) + `</caption><thead><tr>`)
	for _, c := range txColumns {
		sort := ""
		if c.key == p.sortKey {
			sort = ` aria-sort="descending"`
			if p.sortAsc {
				sort = ` aria-sort="ascending"`
			}
		}
		table.WriteString(`<th scope="col"` + sort + `><button type="button" class="tx-sort" id="tx-sort-` + c.key + `" data-key="` + c.key + `">` + escapeHTML(l.tr(c.label)) + `</button></th>`)
	}
	table.WriteString(`</tr></thead><tbody>` + body.String() + `</tbody></table>`)
	// One handler for the sort buttons, on their container: the table is
	// one piece of HTML.
	return app.Section().Class(p.valued("result tx-customers tx-result")).Aria("labelledby", "tx-customers-title").Aria("busy", p.busy).Body(
		app.H2().ID("tx-customers-title").Class("result-label").Text(l.tr("Customers")),
		app.P().ID("tx-total").Text(l.tr("All {0} customers together: {1} over the horizon.", l.number(strconv.Itoa(len(v.Customers))), l.money(v.TotalCLV.StringFixed(2)))),
		app.If(len(v.Customers) > 0, func() app.UI {
			return app.P().ID("tx-average").Text(l.tr("That is {0} a customer on average.", l.money(averageCLV(v).StringFixed(2))))
		}),
		tableCaption(caption),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", title).OnClick(p.sortBy).Body(
			app.Raw(table.String()),
		),
		app.Button().Type("button").ID("tx-export").Class("button").Disabled(p.busy).Text(l.tr("Download every customer (CSV)")).OnClick(p.exportCSV),
		app.If(p.exported != "", func() app.UI { return app.P().ID("tx-exported").Aria("live", "polite").Text(p.exported) }),
		p.aliveHistogram(),
	)
}

// averageCLV is the customers' CLV over the horizon on average, to the
// cent.
func averageCLV(v *calc.Valuation) decimal.Decimal {
	return v.TotalCLV.DivRound(decimal.NewFromInt(int64(len(v.Customers))), 2)
}

// aliveHistogram is a bar chart of P(alive) in ten bins, with its table.
func (p *transactionsPage) aliveHistogram() app.UI {
	l := p.loc
	var bins [10]int
	for _, r := range p.rows {
		bins[min(int(r.pAlive*10), 9)]++
	}
	most := 1
	for _, n := range bins {
		most = max(most, n)
	}
	title := l.tr("P(alive): how many customers are likely still active")
	// Laid out as the calculators' charts (chart.go): the labels in HTML,
	// readable at a phone's width, around the bars stretched over the plot.
	var s strings.Builder
	s.WriteString(`<div class="plot" role="img" aria-labelledby="tx-hist-title tx-hist-desc">`)
	s.WriteString(`<span class="visually-hidden" id="tx-hist-title">` + escapeHTML(title) + `</span><span class="visually-hidden" id="tx-hist-desc">` +
		escapeHTML(l.tr("Customers by probability of being still active, in steps of 10\u00a0%; the table below has the figures.")) + `</span>`)
	// The top of the scale: a round number whose quarters, the grid's
	// lines, are whole numbers of customers.
	top := int(niceCeil(decimal.NewFromInt(int64(most))).IntPart())
	if top%4 != 0 {
		top = (most + 3) / 4 * 4
	}
	s.WriteString(`<div class="plot-y" aria-hidden="true">`)
	for k := 4; k >= 0; k-- {
		s.WriteString(`<span>` + escapeHTML(l.number(strconv.Itoa(top*k/4))) + `</span>`)
	}
	s.WriteString(`</div><div class="plot-area"><svg viewBox="0 0 1000 1000" preserveAspectRatio="none" aria-hidden="true" focusable="false">`)
	for k := 0; k <= 4; k++ {
		s.WriteString(`<line class="chart-grid" x1="0" x2="1000" y1="` + itoa(k*250) + `" y2="` + itoa(k*250) + `"/>`)
	}
	var rows [][]string
	var labels strings.Builder
	for i, n := range bins {
		h := n * 1000 / top
		s.WriteString(`<rect class="chart-bar series-a" x="` + itoa(i*100+10) + `" y="` + itoa(1000-h) + `" width="80" height="` + itoa(h) + `"/>`)
		lo := l.percent(strconv.Itoa(i * 10))
		class := "plot-xlabel"
		if i%2 == 1 {
			class += " plot-odd"
		}
		labels.WriteString(`<span class="` + class + `" style="left:` + itoa(i*10+5) + `%">` + escapeHTML(lo) + `</span>`)
		rows = append(rows, []string{lo + " – " + l.percent(strconv.Itoa(i*10+10)), l.number(strconv.Itoa(n))})
	}
	s.WriteString(`</svg></div><div class="plot-x" aria-hidden="true">` + labels.String() + `</div></div>`)
	return app.Figure().Class("chart").ID("tx-alive").Body(
		app.FigCaption().Class("chart-title").Text(title),
		app.Raw(s.String()),
		app.P().Class("field-hint").Text(l.tr("In BG/NBD a customer can stop buying only after a repeat purchase: those who never bought again count as still active (100\u00a0%), though few purchases are expected of them.")),
		chartData(l.tr("Show the data"), title, []string{l.tr("P(alive)"), l.tr("Customers")}, rows),
	)
}

// renderHoldout is the check against the orders after the calibration end.
func (p *transactionsPage) renderHoldout() app.UI {
	l, h, b := p.loc, p.val.Holdout, p.base
	unit := map[string]string{calc.PeriodDay: l.tr("Day"), calc.PeriodWeek: l.tr("Week"), calc.PeriodMonth: l.tr("Month")}[b.Period]
	xs := make([]string, len(h.Tracking))
	actual := make([]decimal.Decimal, len(h.Tracking))
	expected := make([]decimal.Decimal, len(h.Tracking))
	for i, t := range h.Tracking {
		xs[i] = l.number(strconv.Itoa(t.Period))
		actual[i] = decimal.NewFromInt(int64(t.Actual))
		expected[i] = t.Expected
	}
	chart := lineChart{
		ID: "tx-tracking", Title: l.tr("Repeat purchases, cumulative: actual and expected"),
		Desc:   l.tr("The models are fitted up to the calibration end; after it the expected line is a forecast checked against what happened."),
		XLabel: unit, X: xs, DataLabel: l.tr("Show the data"),
		Series: []chartSeries{{Name: l.tr("Actual"), Class: "series-a", Values: actual}, {Name: l.tr("Expected"), Class: "series-b", Values: expected, Dashed: true}},
		Format: func(d decimal.Decimal) string { return l.number(d.Round(0).String()) },
	}
	var rows [][]string
	for _, g := range h.ByFrequency {
		x := l.number(strconv.Itoa(g.X))
		if g.X == 7 {
			x = l.tr("{0} or more", l.number("7"))
		}
		rows = append(rows, []string{x, l.number(strconv.Itoa(g.Customers)), l.number(g.Actual.StringFixed(2)), l.number(g.Expected.StringFixed(2))})
	}
	return app.Section().Class(p.valued("result tx-result")).Aria("labelledby", "tx-holdout-title").Aria("busy", p.busy).Body(
		app.H2().ID("tx-holdout-title").Class("result-label").Text(l.tr("Holdout check")),
		app.P().Text(l.tr("The file runs {0} periods past the calibration end: the models' predictions for that time against what the customers did.", l.number(strconv.FormatFloat(h.Periods, 'f', -1, 64)))),
		chart.render(),
		tableCaption(l.tr("Purchases in the holdout period by repeat purchases before it")),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", l.tr("Purchases in the holdout period by repeat purchases before it")).Body(
			app.Raw(plainTable("tx-byfreq", l.tr("Purchases in the holdout period by repeat purchases before it"),
				[]string{l.tr("Repeat purchases before the end"), l.tr("Customers"), l.tr("Actual, on average"), l.tr("Expected, on average")}, rows)),
		),
	)
}

// tableCaption shows a table's caption above the box that scrolls it
// across, where it wraps to the page's width: inside, it is as wide as the
// table, and a phone showed its first words. The caption in the table,
// visually hidden, is what assistive technologies read; this copy is
// hidden from them.
func tableCaption(text string) app.UI {
	return app.P().Class("field-hint tx-caption").Aria("hidden", "true").Text(text)
}

// plainTable is a table as one HTML string, its caption visually hidden
// (tableCaption shows it); the first cell of each row heads it.
func plainTable(id, caption string, head []string, rows [][]string) string {
	var b strings.Builder
	b.WriteString(`<table class="tx-table" id="` + id + `"><caption class="visually-hidden">` + escapeHTML(caption) + `</caption><thead><tr>`)
	for _, h := range head {
		b.WriteString(`<th scope="col">` + escapeHTML(h) + `</th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, r := range rows {
		b.WriteString(`<tr>`)
		for j, c := range r {
			if j == 0 {
				b.WriteString(`<th scope="row">` + escapeHTML(c) + `</th>`)
			} else {
				b.WriteString(`<td>` + escapeHTML(c) + `</td>`)
			}
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return b.String()
}

// useSentence says what the link to the purchase calculator carries, its
// counts to 2 places (the link has them to 4); over a horizon of one year
// the purchases in it are those of a year, said once.
func (p *transactionsPage) useSentence() string {
	l, v := p.loc, p.val
	aov := l.money(v.PopulationOrderValue.StringFixed(2))
	purchases := l.number(v.NewCustomerPurchases.Round(2).String())
	if v.HorizonYears.Equal(decimal.NewFromInt(1)) {
		return l.tr("A new customer spends {0} an order on average and makes {1} purchases in a year (the first and the expected repeat purchases).", aov, purchases)
	}
	return l.tr("A new customer spends {0} an order on average and makes {1} purchases in {2} (the first and the expected repeat purchases): {3} a year.",
		aov, purchases, l.plural(v.HorizonYears.String(), "{0} year", "{0} years", l.number(v.HorizonYears.String())), l.number(v.PurchasesPerYear().Round(2).String()))
}

// valued is the class of a section of the customers' values: marked as
// being updated while they are valued again with new settings.
func (p *transactionsPage) valued(class string) string {
	if p.busy {
		return class + " tx-stale"
	}
	return class
}

// renderUse links to the purchase calculator with the fitted population.
func (p *transactionsPage) renderUse() app.UI {
	l := p.loc
	return app.Section().Class(p.valued("result tx-result")).Aria("labelledby", "tx-use-title").Aria("busy", p.busy).Body(
		app.H2().ID("tx-use-title").Class("result-label").Text(l.tr("Use these figures")),
		app.P().Text(p.useSentence()),
		app.A().ID("tx-use").Class("button").Href(p.usePurchaseCalculator()).Text(l.tr("Open the purchase calculator with these figures")),
	)
}

// fitReasons are calc's reasons why a model cannot be fitted (the Reason
// of its FieldErrors with CodeNoFit), which the page shows translated;
// TestFitReasonsKnown checks that calc gives no other.
var fitReasons = []string{
	"the customer summaries are not valid (negative or unknown times)",
	"nobody bought a second time: the repeat-purchase model needs repeat purchases",
	"the repeat-purchase model did not converge on these data",
	"the expected purchases did not converge for this horizon",
	"a prediction is not a finite number",
	"an amount is not a finite number",
	"too few repeat customers to fit the spend model",
	"the repeat purchases have no positive value",
	"a repeat customer's average value is not positive",
	"the spend model did not converge on these data",
	"the expected purchases did not converge over the data's span",
	"the expected purchases did not converge over the holdout",
}

// fileReasons are calc's fixed reasons why a file is not a table of
// orders, which the page shows translated (TestFileReasons); the others
// name a row, a column or a limit.
var fileReasons = []string{
	"the file is empty",
	"the file is UTF-16 text: save it as UTF-8 (CSV UTF-8 in spreadsheets)",
	"only one column found: separate the columns with commas, semicolons or tabs, with a header row first",
	"the file is not text: export the orders as CSV (a spreadsheet workbook such as .xlsx, an image or a PDF is not)",
}

// errorTexts words the error of a stage of the work for the page.
func (p *transactionsPage) errorTexts(err error) []string {
	l := p.loc
	fes := calc.FieldErrors(err)
	if len(fes) == 0 {
		return []string{l.tr("The file could not be read: {0}", err.Error())}
	}
	var out []string
	for _, fe := range fes {
		switch {
		case fe.Field == "date_order" && fe.Code == calc.CodeRequired:
			out = append(out, l.tr("Dates such as 03/04/2024 can be day/month or month/day, and no date in the file tells: choose the order under “Dates such as 03/04/2024”."))
		case fe.Field == "date_order":
			out = append(out, dateMixText(l, fe.Reason))
		case fe.Field == "customer_column" || fe.Field == "date_column" || fe.Field == "amount_column":
			out = append(out, columnErrorText(l, fe))
		case fe.Field == "orders":
			out = append(out, l.tr("No row of the file is an order that can be read: see the rows skipped and the columns."))
		case fe.Field == "end":
			out = append(out, l.tr("No customer bought on or before the calibration end: choose a later day."))
		case fe.Field == "bgnbd" || fe.Field == "gamma_gamma":
			reason := fe.Reason
			if slices.Contains(fitReasons, reason) {
				reason = l.tr(reason)
			}
			out = append(out, l.tr("The models cannot be fitted to these orders: {0}", reason))
			// What the searches that run off to the bounds have met
			// (optimize.go): a likelihood that keeps rising as customers
			// are taken to buy at one pace and never to leave, or to
			// spend alike.
			switch fe.Reason {
			case "the repeat-purchase model did not converge on these data":
				out = append(out, l.tr("This happens with few customers, or when they all buy at about the same pace and none seems to have stopped buying: the model then has nothing to measure. A longer history or more customers give it more to go on."))
			case "the spend model did not converge on these data":
				out = append(out, l.tr("This happens with few repeat customers, or when their average order values hardly differ: the model then has nothing to measure."))
			}
		case fe.Field == "file":
			out = append(out, l.tr("The file cannot be read as a table of orders: {0}", fileReasonText(l, fe.Reason)))
		default:
			out = append(out, fe.Error())
		}
	}
	return out
}

// fileReasonText is calc's reason why a file is not a table of orders, in
// the page's language: the fixed ones (fileReasons), the limits, and the
// row that breaks the file's layout. Another reason is shown as calc gives
// it.
func fileReasonText(l locale, reason string) string {
	n := func(v int) string { return l.number(strconv.Itoa(v)) }
	switch {
	case slices.Contains(fileReasons, reason):
		return l.tr(reason)
	case reason == fmt.Sprintf("more than %d orders", calc.MaxOrders):
		return l.tr("more than {0} orders, the most the page reads", n(calc.MaxOrders))
	case reason == fmt.Sprintf("more than %d customers", calc.MaxCustomers):
		return l.tr("more than {0} customers, the most the page reads", n(calc.MaxCustomers))
	}
	rest, ok := strings.CutPrefix(reason, "row ")
	row, what, found := strings.Cut(rest, ": ")
	if r, err := strconv.Atoi(row); ok && found && err == nil {
		switch what {
		case fmt.Sprintf("more than %d columns", calc.MaxColumns):
			return l.tr("row {0} has more than {1} columns", n(r), n(calc.MaxColumns))
		case fmt.Sprintf("the row is longer than %d KiB", calc.MaxRecordBytes>>10):
			return l.tr("row {0} is longer than {1} KiB", n(r), n(calc.MaxRecordBytes>>10))
		case "a quoted field is not closed":
			return l.tr("row {0}: a field that opens with a quote (\") is not closed by one", n(r))
		}
	}
	return reason
}

// columnErrorText says which column calc did not find, under the name of
// its menu, with the file's columns.
func columnErrorText(l locale, fe *calc.FieldError) string {
	menu := map[string]string{"customer_column": "Customer", "date_column": "Order date", "amount_column": "Amount"}[fe.Field]
	if _, cols, ok := strings.Cut(fe.Reason, "; the columns are "); ok {
		if fe.Value != "" {
			return l.tr("There is no column “{0}” for “{1}”: the columns of the file are {2}.", fe.Value, l.tr(menu), cols)
		}
		return l.tr("No column was found for “{0}”: choose it in that menu; the columns of the file are {1}.", l.tr(menu), cols)
	}
	return l.tr("A column was not found: {0}", fe.Reason)
}

// dateMixText says that the file mixes day-first and month-first dates,
// with the first row of each that calc names.
func dateMixText(l locale, reason string) string {
	generic := l.tr("The dates mix day-first and month-first: choose the order under “Dates such as 03/04/2024”.")
	rest, ok := strings.CutPrefix(reason, "the dates mix day-first (row ")
	rest, tail, ok2 := strings.Cut(rest, ") and month-first (row ")
	rest2, ok3 := strings.CutSuffix(tail, "): choose the order of day and month")
	row1, v1, ok4 := strings.Cut(rest, ": ")
	row2, v2, ok5 := strings.Cut(rest2, ": ")
	r1, err1 := strconv.Atoi(row1)
	r2, err2 := strconv.Atoi(row2)
	if !ok || !ok2 || !ok3 || !ok4 || !ok5 || err1 != nil || err2 != nil {
		return generic
	}
	n := func(v int) string { return l.number(strconv.Itoa(v)) }
	return l.tr("The dates mix day-first (row {0}: {1}) and month-first (row {2}: {3}): choose the order under “Dates such as 03/04/2024”.", n(r1), v1, n(r2), v2)
}
