package calc

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// An order file is what a shop exports: a header row, then one row per
// order or per line of an order. ReadOrders streams it and keeps, per
// order, only the customer's number, the day and the amount (16 bytes), so
// that a million orders fit in a browser tab.

// Limits of an order file.
const (
	// MaxOrders is the most orders kept from one file.
	MaxOrders = 10_000_000
	// MaxCustomers is the most distinct customers.
	MaxCustomers = 2_000_000
	// MaxSkippedShown is the number of skipped rows listed with their row
	// number; all are counted.
	MaxSkippedShown = 8
	// previewRows is the number of data rows kept to show the columns.
	previewRows = 5
)

// Reasons a row is skipped (SkippedRow.Reason).
const (
	SkipEmptyRow     = "empty_row"      // every field empty
	SkipShortRow     = "short_row"      // fewer fields than the columns chosen need
	SkipNoCustomer   = "no_customer"    // the customer field is empty
	SkipNoDate       = "no_date"        // the date field is empty
	SkipBadDate      = "bad_date"       // not a date in a form the reader knows, or a day that does not exist
	SkipTwoDigitYear = "two_digit_year" // 15/01/24: the century is not said
	SkipDateOrder    = "date_order"     // a date only the other order of day and month makes valid
	SkipNoAmount     = "no_amount"      // the amount field is empty
	SkipBadAmount    = "bad_amount"     // not an amount
	SkipTooPrecise   = "too_precise"    // more than 6 decimal places
	SkipTooLarge     = "too_large"      // over a trillion
	SkipRefund       = "refund"         // a negative amount, a refunded status or a refund as large as the order
	SkipCancelled    = "cancelled"      // a cancelled, voided, failed or draft order
)

// SkipReasonText is the English wording of a skip reason.
func SkipReasonText(code string) string {
	switch code {
	case SkipEmptyRow:
		return "empty row"
	case SkipShortRow:
		return "fewer fields than the columns"
	case SkipNoCustomer:
		return "no customer"
	case SkipNoDate:
		return "no date"
	case SkipBadDate:
		return "not a date"
	case SkipTwoDigitYear:
		return "two-digit year"
	case SkipDateOrder:
		return "a date only valid with day and month the other way round"
	case SkipNoAmount:
		return "no amount"
	case SkipBadAmount:
		return "not an amount"
	case SkipTooPrecise:
		return "more than 6 decimal places"
	case SkipTooLarge:
		return "amount over a trillion"
	case SkipRefund:
		return "refund"
	case SkipCancelled:
		return "cancelled or failed order"
	}
	return code
}

// SkippedRow is a row that ReadOrders left out: its number in the file
// (the header is row 1), the column concerned, the field as written (cut
// after 40 characters) and the reason, a Skip* code.
type SkippedRow struct {
	Row    int
	Column string
	Value  string
	Reason string
}

// OrderOptions choose the columns of an order file by their header text
// ("" finds the column by its usual names) and the order of day and month
// in dates written 01/02/2024 (DateOrderAuto finds it from the data).
type OrderOptions struct {
	Customer, Date, Amount string
	DateOrder              string
}

// Orders is an order file read: what was found, what was skipped and why,
// and the orders kept.
type Orders struct {
	Header  []string   // the column names, as written
	Preview [][]string // the first data rows, as written
	// The columns used: Customer, Date and Amount always; Order (the order
	// number: rows repeating the number of the row before are lines of
	// the same order), Status, Refund and Cancelled when the file has them.
	Customer, Date, Amount, Order, Status, Refund, Cancelled string

	Rows           int            // data rows read
	Kept           int            // orders kept
	LineRows       int            // rows that continue the order of the row before
	PartialRefunds int            // orders kept at their amount less a partial refund
	SkipCounts     map[string]int // skipped rows by reason
	Skipped        []SkippedRow   // the first MaxSkippedShown skipped rows

	DateOrder string // the order of day and month used for d/m/y dates; "" when no date needed one
	// AmbiguousAmounts counts amounts such as "1,234" with one separator
	// before three digits, read with the file's decimal mark
	// (DecimalMark); with no decimal mark anywhere in the file they are
	// read as thousands.
	AmbiguousAmounts int
	DecimalMark      string // "." or ",", as the file's amounts show it; "" when none shows

	customers []string
	index     map[string]int32
	cust      []int32
	day       []int32
	micros    []int64
	first     int // earliest day kept
	last      int

	// Dates that depend on the order of day and month: for dateEither day
	// holds the day-first reading and pending the month-first one.
	pending  []pendingDate
	dmyFirst SkippedRow // the first date only day-first makes valid
	mdyFirst SkippedRow
	dmyRows  int
	mdyRows  int
}

type pendingDate struct {
	idx, row, mdy int32
	kind          dateKind
}

// Customers returns the number of distinct customers of the orders kept.
func (o *Orders) Customers() int { return len(o.customers) }

// FirstDay and LastDay are the days of the earliest and latest orders
// kept (day numbers, see FormatDay).
func (o *Orders) FirstDay() int { return o.first }
func (o *Orders) LastDay() int  { return o.last }

// Usual column names, by priority; compared after normName.
var (
	customerNames = []string{"email", "customer email", "billing email", "e mail", "email address", "customer e mail", "client email", "courriel", "adresse email", "adresse e mail", "customer id", "customer", "customer number", "customer no", "client id", "client", "id client", "numero client", "buyer", "buyer email", "user id", "user", "member id", "account id", "contact email", "customer name", "billing name", "nom du client", "nume client"}
	dateNames     = []string{"order date", "date", "created at", "created", "date created", "order created at", "order created", "creation date", "purchase date", "transaction date", "invoice date", "paid at", "date paid", "payment date", "processed at", "completed date", "date completed", "order time", "date commande", "date de commande", "date de la commande", "data", "data comenzii", "datum", "fecha", "timestamp"}
	amountNames   = []string{"total", "order total", "grand total", "total amount", "amount", "order amount", "revenue", "montant", "montant total", "total ttc", "montant ttc", "net sales", "total sales", "sales", "gross sales", "order value", "value", "total price", "total paid", "amount paid", "valoare", "suma", "total comanda", "subtotal"}
	orderNames    = []string{"order id", "order number", "order no", "order", "order name", "id commande", "numero de commande", "commande", "invoice", "invoice number", "invoice no", "transaction id", "numar comanda"}
	statusNames   = []string{"financial status", "payment status", "status", "order status", "state", "statut", "stare"}
	refundNames   = []string{"refunded amount", "refunded total", "refund amount", "amount refunded", "total refunded", "refunded", "refund total", "order refund", "montant rembourse"}
	cancelNames   = []string{"cancelled at", "canceled at"}
)

// normName lowercases a header and turns every run of characters that are
// not letters or digits into one space.
func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '\u00a0' && r != '\ufeff' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(foldAccent(r))
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// foldAccent maps the accented letters of French and Romanian headers to
// their base letter.
func foldAccent(r rune) rune {
	switch r {
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'à', 'â', 'ă':
		return 'a'
	case 'î', 'ï':
		return 'i'
	case 'ô':
		return 'o'
	case 'ù', 'û':
		return 'u'
	case 'ç':
		return 'c'
	case 'ș', 'ş':
		return 's'
	case 'ț', 'ţ':
		return 't'
	}
	return r
}

// findColumn returns the index of the first header among names (by
// priority), or -1.
func findColumn(norm []string, names []string, taken ...int) int {
	for _, n := range names {
	next:
		for i, h := range norm {
			if h != n {
				continue
			}
			for _, t := range taken {
				if t == i {
					continue next
				}
			}
			return i
		}
	}
	return -1
}

// ReadOrders reads an order file (see the package's documentation of
// orders) from r, a stream: comma, semicolon or tab separated, UTF-8 with or
// without a byte order mark, a header row first. yield, when not nil, is
// called every 256 rows; its error stops the reading and is
// returned.
//
// Errors: a *FieldError naming "file" for a file that is not such text
// (empty, UTF-16, one column only, a row over the limits or a quoted field
// never closed, with the row number); naming "customer_column",
// "date_column" or "amount_column" for a column that was asked for and is
// missing or that cannot be found; "date_order" when dates such as
// 03/04/2024 could be read either way and nothing in the file settles it
// (the Orders returned are complete: choose with SetDateOrder), or when
// the file mixes day-first and month-first dates; "orders" when no row is
// an order. Every row left out is counted in SkipCounts, not an error.
func ReadOrders(r io.Reader, opt OrderOptions, yield func() error) (*Orders, error) {
	cr, err := newCSVReader(r)
	if err != nil {
		return nil, &FieldError{Field: "file", Code: CodeInvalid, Reason: err.Error()}
	}
	head, err := cr.next()
	if err != nil {
		return nil, fileError(err)
	}
	o := &Orders{SkipCounts: map[string]int{}, index: map[string]int32{}, first: 1 << 30, last: -1 << 30}
	norm := make([]string, len(head))
	for i, h := range head {
		o.Header = append(o.Header, clipText(string(h), 80))
		norm[i] = normName(string(h))
	}
	if len(head) < 2 {
		return nil, &FieldError{Field: "file", Code: CodeInvalid, Reason: "only one column found: separate the columns with commas, semicolons or tabs, with a header row first"}
	}
	pick := func(field, asked string, names []string, what string, taken ...int) (int, error) {
		if asked != "" {
			for i, h := range o.Header {
				if h == asked {
					return i, nil
				}
			}
			for i, h := range norm {
				if h == normName(asked) {
					return i, nil
				}
			}
			return -1, &FieldError{Field: field, Value: asked, Code: CodeInvalid, Reason: "no such column; the columns are " + strings.Join(o.Header, ", ")}
		}
		i := findColumn(norm, names, taken...)
		if i < 0 {
			return -1, &FieldError{Field: field, Code: CodeRequired, Reason: "no column for the " + what + " found: choose it; the columns are " + strings.Join(o.Header, ", ")}
		}
		return i, nil
	}
	ci, err1 := pick("customer_column", opt.Customer, customerNames, "customer")
	di, err2 := pick("date_column", opt.Date, dateNames, "order date", ci)
	ai, err3 := pick("amount_column", opt.Amount, amountNames, "amount", ci, di)
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, err
	}
	o.Customer, o.Date, o.Amount = o.Header[ci], o.Header[di], o.Header[ai]
	oi := findColumn(norm, orderNames, ci, di, ai)
	if oi < 0 && findColumn(norm, []string{"lineitem name", "financial status"}) >= 0 {
		oi = findColumn(norm, []string{"name"}, ci, di, ai) // Shopify: Name is the order number
	}
	si := findColumn(norm, statusNames, ci, di, ai, oi)
	ri := findColumn(norm, refundNames, ci, di, ai, oi, si)
	xi := findColumn(norm, cancelNames, ci, di, ai, oi, si, ri)
	for _, c := range []struct {
		i    int
		name *string
	}{{oi, &o.Order}, {si, &o.Status}, {ri, &o.Refund}, {xi, &o.Cancelled}} {
		if c.i >= 0 {
			*c.name = o.Header[c.i]
		}
	}
	need := max(ci, di, ai) + 1

	field := func(rec [][]byte, i int) []byte {
		if i < 0 || i >= len(rec) {
			return nil
		}
		return trimSpace(rec[i])
	}
	var prevOrder []byte
	var ambiguous []int32
	var ambSep []byte
	decimals := map[byte]int{}
	for {
		rec, err := cr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fileError(err)
		}
		o.Rows++
		row := cr.row
		if yield != nil && o.Rows%256 == 0 {
			if err := yield(); err != nil {
				return nil, err
			}
		}
		if len(o.Preview) < previewRows {
			p := make([]string, len(rec))
			for i, f := range rec {
				p[i] = clipText(string(f), 60)
			}
			o.Preview = append(o.Preview, p)
		}
		skip := func(col int, reason string) {
			o.SkipCounts[reason]++
			if len(o.Skipped) < MaxSkippedShown {
				s := SkippedRow{Row: row, Reason: reason}
				if col >= 0 && col < len(o.Header) {
					s.Column = o.Header[col]
					s.Value = clipText(string(field(rec, col)), 40)
				}
				o.Skipped = append(o.Skipped, s)
			}
		}
		if allEmpty(rec) {
			skip(-1, SkipEmptyRow)
			continue
		}
		if oi >= 0 {
			if id := field(rec, oi); len(id) > 0 {
				if string(id) == string(prevOrder) {
					o.LineRows++
					continue
				}
				prevOrder = append(prevOrder[:0], id...)
			}
		}
		if len(rec) < need {
			skip(-1, SkipShortRow)
			continue
		}
		if st := normName(string(field(rec, si))); st != "" {
			switch {
			case isRefundStatus(st):
				skip(si, SkipRefund)
				continue
			case isCancelStatus(st):
				skip(si, SkipCancelled)
				continue
			}
		}
		if len(field(rec, xi)) > 0 {
			skip(xi, SkipCancelled)
			continue
		}
		cust := field(rec, ci)
		if len(cust) == 0 {
			skip(ci, SkipNoCustomer)
			continue
		}
		df := field(rec, di)
		if len(df) == 0 {
			skip(di, SkipNoDate)
			continue
		}
		d := parseDate(df)
		switch {
		case d.twoDigit:
			skip(di, SkipTwoDigitYear)
			continue
		case d.kind == dateBad:
			skip(di, SkipBadDate)
			continue
		}
		af := field(rec, ai)
		if len(af) == 0 {
			skip(ai, SkipNoAmount)
			continue
		}
		a := parseAmount(af)
		switch {
		case a.tooPrecise:
			skip(ai, SkipTooPrecise)
			continue
		case a.tooLarge:
			skip(ai, SkipTooLarge)
			continue
		case a.kind == amountBad:
			skip(ai, SkipBadAmount)
			continue
		case a.negative && a.micros > 0:
			skip(ai, SkipRefund)
			continue
		}
		if a.decimal != 0 {
			decimals[a.decimal]++
		}
		if ri >= 0 {
			if rf := field(rec, ri); len(rf) > 0 {
				ra := parseAmount(rf)
				if ra.kind == amountPlain && !ra.negative && ra.micros > 0 && a.kind == amountPlain {
					if ra.micros >= a.micros {
						skip(ri, SkipRefund)
						continue
					}
					a.micros -= ra.micros
					o.PartialRefunds++
				}
			}
		}
		if len(o.cust) >= MaxOrders {
			return nil, &FieldError{Field: "file", Code: CodeTooMany, Reason: fmt.Sprintf("more than %d orders", MaxOrders)}
		}
		id, ok := o.index[string(cust)] // no copy of the field for a customer seen before
		key := ""
		if !ok {
			key = customerKey(cust)
			id, ok = o.index[key]
		}
		if !ok {
			if len(o.customers) >= MaxCustomers {
				return nil, &FieldError{Field: "file", Code: CodeTooMany, Reason: fmt.Sprintf("more than %d customers", MaxCustomers)}
			}
			id = int32(len(o.customers))
			o.index[key] = id
			o.customers = append(o.customers, clipText(key, 200))
		}
		idx := int32(len(o.cust))
		o.cust = append(o.cust, id)
		o.day = append(o.day, int32(d.day))
		o.micros = append(o.micros, a.micros)
		if a.kind == amountAmbiguous {
			ambiguous = append(ambiguous, idx)
			ambSep = append(ambSep, a.sep)
		}
		switch d.kind {
		case dateDMY:
			o.dmyRows++
			if o.dmyRows == 1 {
				o.dmyFirst = SkippedRow{Row: row, Column: o.Date, Value: clipText(string(df), 40)}
			}
			o.pending = append(o.pending, pendingDate{idx: idx, row: int32(row), kind: dateDMY})
		case dateMDY:
			o.mdyRows++
			if o.mdyRows == 1 {
				o.mdyFirst = SkippedRow{Row: row, Column: o.Date, Value: clipText(string(df), 40)}
			}
			o.pending = append(o.pending, pendingDate{idx: idx, row: int32(row), kind: dateMDY})
		case dateEither:
			o.pending = append(o.pending, pendingDate{idx: idx, row: int32(row), mdy: int32(d.mdy), kind: dateEither})
		}
	}
	// Amounts such as "1,234": with the file's decimal mark.
	switch {
	case decimals[','] > decimals['.']:
		o.DecimalMark = ","
	case decimals['.'] > 0:
		o.DecimalMark = "."
	}
	o.AmbiguousAmounts = len(ambiguous)
	for k, idx := range ambiguous {
		if o.DecimalMark == string(ambSep[k]) {
			o.micros[idx] /= 1000
		}
	}
	if err := o.SetDateOrder(opt.DateOrder); err != nil {
		return o, err
	}
	return o, nil
}

// SetDateOrder settles the dates written with day and month in either
// order: DateOrderDMY or DateOrderMDY, or DateOrderAuto to take the order
// the file shows (a first number over 12 is a day). Under a chosen order,
// a date that only the other order makes valid is skipped
// (SkipDateOrder). It returns a *FieldError naming "date_order" when the
// order is unknown, when the file mixes both orders and none was chosen,
// or when nothing in the file settles it; and naming "orders" when no
// order is left.
func (o *Orders) SetDateOrder(order string) error {
	switch order {
	case DateOrderAuto, DateOrderDMY, DateOrderMDY:
	default:
		return &FieldError{Field: "date_order", Value: order, Code: CodeInvalid, Reason: `the order of day and month is "dmy" or "mdy"`}
	}
	if len(o.pending) > 0 && order == DateOrderAuto {
		switch {
		case o.dmyRows > 0 && o.mdyRows > 0:
			return &FieldError{Field: "date_order", Code: CodeConflict, Reason: fmt.Sprintf(
				"the dates mix day-first (row %d: %s) and month-first (row %d: %s): choose the order of day and month",
				o.dmyFirst.Row, o.dmyFirst.Value, o.mdyFirst.Row, o.mdyFirst.Value)}
		case o.dmyRows > 0:
			order = DateOrderDMY
		case o.mdyRows > 0:
			order = DateOrderMDY
		default:
			p := o.pending[0]
			return &FieldError{Field: "date_order", Code: CodeRequired, Reason: fmt.Sprintf(
				"dates such as %s (row %d) can be day/month or month/day, and no date in the file settles it: choose the order of day and month",
				FormatDay(int(o.day[p.idx])), p.row)}
		}
	}
	o.DateOrder = ""
	if len(o.pending) > 0 {
		o.DateOrder = order
	}
	removed := 0
	for _, p := range o.pending {
		switch {
		case p.kind == dateEither && order == DateOrderMDY:
			o.day[p.idx] = p.mdy
		case p.kind == dateDMY && order == DateOrderMDY || p.kind == dateMDY && order == DateOrderDMY:
			if o.cust[p.idx] >= 0 {
				o.cust[p.idx] = -1 // left out: see Kept
				removed++
				o.SkipCounts[SkipDateOrder]++
				if len(o.Skipped) < MaxSkippedShown {
					o.Skipped = append(o.Skipped, SkippedRow{Row: int(p.row), Column: o.Date, Reason: SkipDateOrder})
				}
			}
		}
	}
	o.pending = o.pending[:0] // settled: a second call changes nothing
	o.Kept, o.first, o.last = 0, 1<<30, -1<<30
	for i, c := range o.cust {
		if c < 0 {
			continue
		}
		o.Kept++
		o.first = min(o.first, int(o.day[i]))
		o.last = max(o.last, int(o.day[i]))
	}
	if o.Kept == 0 {
		return &FieldError{Field: "orders", Code: CodeRequired, Reason: "no row of the file is an order that can be read"}
	}
	return nil
}

// customerKey is the customer of a row: the field with its surrounding
// spaces removed, lowercased when it is an e-mail address (addresses do not
// depend on case in practice).
func customerKey(b []byte) string {
	s := string(b)
	if strings.IndexByte(s, '@') >= 0 {
		s = strings.ToLower(s)
	}
	return s
}

func isRefundStatus(s string) bool {
	switch s {
	case "refunded", "refund", "fully refunded", "returned", "rembourse", "remboursee", "rambursat":
		return true
	}
	return false
}

func isCancelStatus(s string) bool {
	switch s {
	case "cancelled", "canceled", "voided", "void", "failed", "declined", "trash", "draft", "checkout draft", "annule", "annulee", "anulat", "anulata":
		return true
	}
	return false
}

func allEmpty(rec [][]byte) bool {
	for _, f := range rec {
		if len(trimSpace(f)) > 0 {
			return false
		}
	}
	return true
}

// clipText makes s valid UTF-8 and cuts it after n characters.
func clipText(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// fileError turns a reading error into a *FieldError naming the file.
func fileError(err error) error {
	var ce *csvError
	if errors.As(err, &ce) {
		return &FieldError{Field: "file", Code: CodeInvalid, Reason: ce.Error()}
	}
	return &FieldError{Field: "file", Code: CodeInvalid, Reason: err.Error()}
}
