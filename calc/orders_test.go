package calc

import (
	"fmt"
	"strings"
	"testing"
)

func mustRead(t *testing.T, text string, opt OrderOptions) *Orders {
	t.Helper()
	o, err := ReadOrders(strings.NewReader(text), opt, nil)
	if err != nil {
		t.Fatalf("ReadOrders: %v", err)
	}
	return o
}

// TestReadOrdersShopify: a Shopify orders export as it comes (Name is the
// order number, Email the customer, several rows per order with the order's
// figures on the first, Created at with the shop's zone): lines of an order
// are one order, refunded and voided orders are counted and left out, a
// partial refund is taken off.
func TestReadOrdersShopify(t *testing.T) {
	file := "\ufeffName,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Cancelled at,Refunded Amount\n" +
		"#1001,Ann@Example.com,paid,2024-01-15 10:25:00 -0500,fulfilled,,yes,USD,100.00,8.00,5.00,113.00,,0.00,Standard,2024-01-15 10:23:45 -0500,2,Mug,50.00,,\n" +
		"#1001,ann@example.com,,,,,,,,,,,,,,,1,\"Tea, green\",13.00,,\n" +
		"#1002,bob@example.com,refunded,2024-01-16 09:00:00 +0100,,,,EUR,20.00,0,0,20.00,,0,,2024-01-16 09:00:00 +0100,1,Mug,20.00,,20.00\n" +
		"#1003,ann@example.com,partially_refunded,2024-02-01 23:59:00 -0800,,,,USD,40,0,0,40.00,,0,,2024-02-01 23:59:00 -0800,1,Pot,40.00,,15.00\n" +
		"#1004,,paid,2024-02-02 12:00:00 +0000,,,,USD,10,0,0,10.00,,0,,2024-02-02 12:00:00 +0000,1,Pot,10.00,,\n" +
		"#1005,cy@example.com,voided,,,,,USD,10,0,0,10.00,,0,,2024-02-03 12:00:00 +0000,1,Pot,10.00,,\n" +
		"#1006,cy@example.com,paid,2024-02-04 08:00:00 +0000,,,,USD,\"1,250.50\",0,0,\"1,250.50\",,0,,2024-02-04 08:00:00 +0000,1,Lamp,1250.50,,\n"
	o := mustRead(t, file, OrderOptions{})
	if o.Customer != "Email" || o.Date != "Created at" || o.Amount != "Total" || o.Order != "Name" || o.Status != "Financial Status" || o.Refund != "Refunded Amount" || o.Cancelled != "Cancelled at" {
		t.Errorf("columns: customer %q date %q amount %q order %q status %q refund %q cancelled %q", o.Customer, o.Date, o.Amount, o.Order, o.Status, o.Refund, o.Cancelled)
	}
	if o.Rows != 7 || o.LineRows != 1 || o.Kept != 3 || o.PartialRefunds != 1 || o.Customers() != 2 {
		t.Errorf("rows %d, lines %d, kept %d, partial refunds %d, customers %d; want 7, 1, 3, 1, 2", o.Rows, o.LineRows, o.Kept, o.PartialRefunds, o.Customers())
	}
	want := map[string]int{SkipRefund: 1, SkipNoCustomer: 1, SkipCancelled: 1}
	for k, n := range want {
		if o.SkipCounts[k] != n {
			t.Errorf("skipped %s: %d, want %d (%v)", k, o.SkipCounts[k], n, o.SkipCounts)
		}
	}
	if len(o.Skipped) != 3 || o.Skipped[0].Row != 4 || o.Skipped[0].Column != "Financial Status" || o.Skipped[1].Row != 6 {
		t.Errorf("skipped rows: %+v", o.Skipped)
	}
	// Ann's orders: 15 January (her own day, not UTC's), 113.00; 1 February, 40 - 15.
	if got := FormatDay(o.FirstDay()); got != "2024-01-15" {
		t.Errorf("first day %s", got)
	}
	if got := FormatDay(o.LastDay()); got != "2024-02-04" {
		t.Errorf("last day %s", got)
	}
	sum := int64(0)
	for _, m := range o.micros {
		sum += m
	}
	if sum != (113_000000 + 25_000000 + 1250_500000) {
		t.Errorf("amounts add up to %d millionths", sum)
	}
}

// TestReadOrdersWooCommerce: an order export of WooCommerce (one row per
// order, month-first dates with a time, a status column, billing_email).
func TestReadOrdersWooCommerce(t *testing.T) {
	file := "order_id,order_number,date,status,order_shipping,order_total,payment_method,customer_user,billing_first_name,billing_email\n" +
		"4993,4993,5/31/2016 0:37,completed,0,30,paypal,0,Cherlynn,c@example.com\n" +
		"4994,4994,6/1/2016 10:00,processing,0,45.5,paypal,17,Dan,d@example.com\n" +
		"4995,4995,6/2/2016 11:00,cancelled,0,12,paypal,17,Dan,d@example.com\n" +
		"4996,4996,6/12/2016 11:00,completed,0,-12,paypal,17,Dan,d@example.com\n"
	o := mustRead(t, file, OrderOptions{})
	if o.Customer != "billing_email" || o.Date != "date" || o.Amount != "order_total" || o.Order != "order_id" {
		t.Errorf("columns %q %q %q %q", o.Customer, o.Date, o.Amount, o.Order)
	}
	if o.DateOrder != DateOrderMDY {
		t.Errorf("date order %q, want mdy (5/31)", o.DateOrder)
	}
	if o.Kept != 2 || o.SkipCounts[SkipCancelled] != 1 || o.SkipCounts[SkipRefund] != 1 {
		t.Errorf("kept %d, skipped %v", o.Kept, o.SkipCounts)
	}
	if FormatDay(o.LastDay()) != "2016-06-01" {
		t.Errorf("last day %s", FormatDay(o.LastDay()))
	}
}

// TestReadOrdersEuropean: semicolons, quoted fields, decimal commas, a
// currency after the amount, day-first dates and French headers.
func TestReadOrdersEuropean(t *testing.T) {
	file := "Client;Date de commande;Montant\r\n" +
		"\"Dupont; Jean\";15/01/2024;12,50 €\r\n" +
		"\"Dupont; Jean\";03.02.2024;\"1 234,00 €\"\r\n" +
		"Martin;01/02/2024;1.234,5\r\n" +
		";01/02/2024;5\r\n"
	o := mustRead(t, file, OrderOptions{})
	if o.Customer != "Client" || o.Date != "Date de commande" || o.Amount != "Montant" {
		t.Errorf("columns %q %q %q", o.Customer, o.Date, o.Amount)
	}
	if o.DateOrder != DateOrderDMY || o.Kept != 3 || o.SkipCounts[SkipNoCustomer] != 1 || o.DecimalMark != "," {
		t.Errorf("date order %q, kept %d, skipped %v, decimal %q", o.DateOrder, o.Kept, o.SkipCounts, o.DecimalMark)
	}
	want := []int64{12_500000, 1234_000000, 1234_500000}
	for i, w := range want {
		if o.micros[i] != w {
			t.Errorf("amount %d = %d, want %d", i, o.micros[i], w)
		}
	}
	if FormatDay(int(o.day[1])) != "2024-02-03" || FormatDay(int(o.day[2])) != "2024-02-01" {
		t.Errorf("days %s %s", FormatDay(int(o.day[1])), FormatDay(int(o.day[2])))
	}
}

// TestReadOrdersAmbiguousDates: 03/04/2024 is asked about when nothing in
// the file settles it; a mix of day-first and month-first is reported;
// choosing an order settles both.
func TestReadOrdersAmbiguousDates(t *testing.T) {
	file := "customer,date,amount\na,03/04/2024,10\nb,05/06/2024,20\n"
	o, err := ReadOrders(strings.NewReader(file), OrderOptions{}, nil)
	if fe := ErrorFor(err, "date_order"); fe == nil || fe.Code != CodeRequired || !strings.Contains(fe.Reason, "row 2") {
		t.Fatalf("ambiguous dates: %v", err)
	}
	if err := o.SetDateOrder(DateOrderMDY); err != nil || FormatDay(o.FirstDay()) != "2024-03-04" || o.DateOrder != DateOrderMDY {
		t.Errorf("month-first: %v, first day %s", err, FormatDay(o.FirstDay()))
	}
	o = mustRead(t, file, OrderOptions{DateOrder: DateOrderDMY})
	if FormatDay(o.FirstDay()) != "2024-04-03" {
		t.Errorf("day-first: first day %s", FormatDay(o.FirstDay()))
	}
	mixed := "customer,date,amount\na,13/04/2024,10\nb,04/13/2024,20\nc,01/01/2024,5\n"
	if _, err := ReadOrders(strings.NewReader(mixed), OrderOptions{}, nil); ErrorFor(err, "date_order") == nil || ErrorFor(err, "date_order").Code != CodeConflict {
		t.Errorf("mixed orders: %v", err)
	}
	o = mustRead(t, mixed, OrderOptions{DateOrder: DateOrderDMY})
	if o.Kept != 2 || o.SkipCounts[SkipDateOrder] != 1 || o.Skipped[0].Row != 3 {
		t.Errorf("mixed, day-first: kept %d, skipped %v %+v", o.Kept, o.SkipCounts, o.Skipped)
	}
}

// TestReadOrdersErrors: every bad file is a *FieldError that says why.
func TestReadOrdersErrors(t *testing.T) {
	for _, c := range []struct {
		name, file string
		opt        OrderOptions
		field      string
		says       string
	}{
		{"empty", "", OrderOptions{}, "file", "empty"},
		{"one column", "customer\na\n", OrderOptions{}, "file", "one column"},
		{"utf-16", "\xff\xfec\x00,\x00", OrderOptions{}, "file", "UTF-16"},
		{"utf-16 without a byte order mark", "c\x00,\x00d\x00\n\x00", OrderOptions{}, "file", "UTF-16"},
		{"a workbook", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml", OrderOptions{}, "file", "not text"},
		{"an image", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", OrderOptions{}, "file", "not text"},
		{"no amount column", "customer,date,note\na,2024-01-01,x\n", OrderOptions{}, "amount_column", "columns are customer, date, note"},
		{"asked column missing", "customer,date,total\na,2024-01-01,1\n", OrderOptions{Customer: "Kunde"}, "customer_column", "no such column"},
		{"unclosed quote", "customer,date,total\n\"a,2024-01-01,1\n", OrderOptions{}, "file", "row 2: a quoted field is not closed"},
		{"no order", "customer,date,total\na,yesterday,1\n", OrderOptions{}, "orders", "no row"},
		{"bad date order", "customer,date,total\na,2024-01-01,1\n", OrderOptions{DateOrder: "ymd"}, "date_order", "dmy"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadOrders(strings.NewReader(c.file), c.opt, nil)
			fe := ErrorFor(err, c.field)
			if fe == nil || !strings.Contains(fe.Error(), c.says) {
				t.Errorf("error %v, want one for %s saying %q", err, c.field, c.says)
			}
		})
	}
}

// TestParseDate: the forms of dates that shops export.
func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind dateKind
		want string // the day-first or only reading
	}{
		{"2024-01-15", dateFixed, "2024-01-15"},
		{"2024-01-15T23:30:00Z", dateFixed, "2024-01-15"},
		{"2024-01-15 10:23:45 -0500", dateFixed, "2024-01-15"},
		{"2024-01-15T10:23:45.123+05:30", dateFixed, "2024-01-15"},
		{"2024/1/5", dateFixed, "2024-01-05"},
		{"20240115", dateFixed, "2024-01-15"},
		{"15/01/2024", dateDMY, "2024-01-15"},
		{"01/15/2024 3:04 PM", dateMDY, "2024-01-15"},
		{"03.04.2024", dateEither, "2024-04-03"},
		{"04/04/2024", dateFixed, "2024-04-04"},
		{"2024-02-30", dateBad, ""},
		{"31/04/2024", dateBad, ""},
		{"2023-02-29", dateBad, ""},
		{"2024-02-29", dateFixed, "2024-02-29"},
		{"1899-12-31", dateBad, ""},
		{"15/01/24", dateBad, ""},
		{"yesterday", dateBad, ""},
		{"2024-01-15<script>", dateBad, ""},
		{"1/2/3/2024", dateBad, ""},
	} {
		p := parseDate([]byte(c.in))
		if p.kind != c.kind || c.want != "" && FormatDay(p.day) != c.want {
			t.Errorf("parseDate(%q) = kind %d day %s, want kind %d day %s", c.in, p.kind, FormatDay(p.day), c.kind, c.want)
		}
	}
	if !parseDate([]byte("15/01/24")).twoDigit {
		t.Error("15/01/24 is not reported as a two-digit year")
	}
}

// TestDayNumbers: day numbers round-trip across the range of years.
func TestDayNumbers(t *testing.T) {
	if d := daysFromCivil(1900, 1, 1); d != 0 {
		t.Errorf("1900-01-01 = %d", d)
	}
	if d := daysFromCivil(1970, 1, 1); d != 25567 {
		t.Errorf("1970-01-01 = %d, want 25567", d)
	}
	for d := 0; d < daysFromCivil(2200, 1, 1); d += 17 {
		y, m, dd := civilFromDays(d)
		if daysFromCivil(y, m, dd) != d {
			t.Fatalf("day %d -> %d-%d-%d -> %d", d, y, m, dd, daysFromCivil(y, m, dd))
		}
	}
}

// TestParseAmount: amounts as the calculators read them, and looser.
func TestParseAmount(t *testing.T) {
	for _, c := range []struct {
		in     string
		kind   amountKind
		micros int64
		neg    bool
	}{
		{"12.50", amountPlain, 12_500000, false},
		{"12,50", amountPlain, 12_500000, false},
		{"$1,234.56", amountPlain, 1234_560000, false},
		{"1.234,56 €", amountPlain, 1234_560000, false},
		{"1 234,56", amountPlain, 1234_560000, false},
		{"1\u00a0234,56\u00a0€", amountPlain, 1234_560000, false},
		{"CHF 1'234.50", amountPlain, 1234_500000, false},
		{"₹1,23,456.00", amountPlain, 123456_000000, false},
		{"1,234,567", amountPlain, 1234567_000000, false},
		{"1,234", amountAmbiguous, 1234_000000, false},
		{"1.234", amountAmbiguous, 1234_000000, false},
		{"0", amountPlain, 0, false},
		{".5", amountPlain, 500000, false},
		{"-12.00", amountPlain, 12_000000, true},
		{"(12.00)", amountPlain, 12_000000, true},
		{"12.00-", amountPlain, 12_000000, true},
		{"−7", amountPlain, 7_000000, true},
		{"EUR 30", amountPlain, 30_000000, false},
		{"30 lei", amountPlain, 30_000000, false},
		{"฿1,500.25", amountPlain, 1500_250000, false},
		{"1.2.3", amountBad, 0, false},
		{"1,2345.6", amountBad, 0, false},
		{"12..5", amountBad, 0, false},
		{"12.", amountBad, 0, false},
		{"abc", amountBad, 0, false},
		{"1e5", amountBad, 0, false},
		{"", amountBad, 0, false},
	} {
		p := parseAmount([]byte(c.in))
		if p.kind != c.kind || p.micros != c.micros || p.negative != c.neg {
			t.Errorf("parseAmount(%q) = kind %d micros %d neg %v, want %d %d %v", c.in, p.kind, p.micros, p.negative, c.kind, c.micros, c.neg)
		}
	}
	if p := parseAmount([]byte("1.1234567")); !p.tooPrecise {
		t.Errorf("7 decimal places: %+v", p)
	}
	if p := parseAmount([]byte("1.1234560")); p.tooPrecise || p.micros != 1_123456 {
		t.Errorf("trailing zero: %+v", p)
	}
	if p := parseAmount([]byte("10000000000000")); !p.tooLarge {
		t.Errorf("10^13: %+v", p)
	}
}

// TestAmbiguousAmounts: "1,234" takes the decimal mark the rest of the file
// shows, and with none it is a thousand and more.
func TestAmbiguousAmounts(t *testing.T) {
	o := mustRead(t, "customer,date,total\na,2024-01-01,\"1,234\"\nb,2024-01-02,\"2,50\"\n", OrderOptions{})
	if o.micros[0] != 1_234000 || o.DecimalMark != "," || o.AmbiguousAmounts != 1 {
		t.Errorf("with decimal commas: %d, %q, %d", o.micros[0], o.DecimalMark, o.AmbiguousAmounts)
	}
	o = mustRead(t, "customer,date,total\na,2024-01-01,\"1,234\"\nb,2024-01-02,2.50\n", OrderOptions{})
	if o.micros[0] != 1234_000000 || o.DecimalMark != "." {
		t.Errorf("with decimal points: %d, %q", o.micros[0], o.DecimalMark)
	}
	o = mustRead(t, "customer,date,total\na,2024-01-01,\"1,234\"\nb,2024-01-02,7\n", OrderOptions{})
	if o.micros[0] != 1234_000000 || o.DecimalMark != "" || o.AmbiguousAmounts != 1 {
		t.Errorf("without a decimal mark: %d, %q", o.micros[0], o.DecimalMark)
	}
}

// TestReadOrdersSkipsAreCounted: every data row is kept, a line of an
// order, or skipped and counted; the first eight skipped rows are listed.
func TestReadOrdersSkipsAreCounted(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, "c%d,2024-01-%02d,%d\n", i, i+1, i)
		fmt.Fprintf(&b, "c%d,not a date,%d\n", i, i)
	}
	b.WriteString(",,\n")
	o := mustRead(t, b.String(), OrderOptions{})
	skipped := 0
	for _, n := range o.SkipCounts {
		skipped += n
	}
	if o.Rows != 41 || o.Kept+o.LineRows+skipped != o.Rows || o.SkipCounts[SkipBadDate] != 20 || o.SkipCounts[SkipEmptyRow] != 1 {
		t.Errorf("rows %d = kept %d + lines %d + skipped %d? %v", o.Rows, o.Kept, o.LineRows, skipped, o.SkipCounts)
	}
	if len(o.Skipped) != MaxSkippedShown || o.Skipped[0].Row != 3 || o.Skipped[0].Value != "not a date" || o.Skipped[0].Column != "date" {
		t.Errorf("listed: %+v", o.Skipped)
	}
}

// FuzzReadOrders: no input makes the reader panic, and what it keeps is
// consistent: every data row is kept, a line of an order or counted as
// skipped; days lie in the years read; amounts are not negative.
func FuzzReadOrders(f *testing.F) {
	f.Add("customer,date,total\na,2024-01-15,12.50\n")                                // plain
	f.Add("\ufeffName,Email,Total,Created at,Lineitem name\n#1,a@b,1,2024-01-01,x\n") // Shopify-like
	f.Add("c;d;t\r\n\"x;\"\"y\";15/01/2024;1 234,5 €\r\n")                            // quotes, decimal comma
	f.Add("c\td\tt\na\t03/04/2024\t(5)\n")                                            // tabs, ambiguous date, negative
	f.Add("customer,date,total\n\"a\n")                                               // unclosed quote
	f.Add("a,b,c\n,,\n\n\r\n")                                                        // empty rows
	f.Fuzz(func(t *testing.T, s string) {
		o, err := ReadOrders(strings.NewReader(s), OrderOptions{}, nil)
		if o == nil {
			return
		}
		skipped := 0
		for _, n := range o.SkipCounts {
			skipped += n
		}
		if err == nil && o.Kept+o.LineRows+skipped != o.Rows {
			t.Errorf("rows %d != kept %d + lines %d + skipped %d", o.Rows, o.Kept, o.LineRows, skipped)
		}
		for i, c := range o.cust {
			if c < 0 {
				continue
			}
			if o.micros[i] < 0 || o.day[i] < 0 || int(o.day[i]) > daysFromCivil(maxYear, 12, 31) {
				t.Errorf("order %d: day %d, amount %d", i, o.day[i], o.micros[i])
			}
		}
		if err == nil {
			if b, err := o.Summarize(o.LastDay(), PeriodWeek, nil); err == nil {
				for _, r := range b.Customers {
					if r.X < 0 || r.Last < r.First || r.First > b.End {
						t.Errorf("record %+v", r)
					}
				}
			}
		}
	})
}

// FuzzParseAmount and FuzzParseDate: never a panic; a plain amount is
// never negative in millionths; a date is within the years read.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"12.50", "1.234,56 €", "(1,234)", "₹1,23,456.00", "-", "..", "1'2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := parseAmount([]byte(s))
		if p.micros < 0 || p.micros > maxAmount*microUnits+microUnits {
			t.Errorf("parseAmount(%q) = %+v", s, p)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-01-15", "15/01/2024 10:00", "20240115", "03.04.2024", "2024-01-15T10:00:00+01:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := parseDate([]byte(s))
		if p.kind != dateBad && (p.day < 0 || p.day > daysFromCivil(maxYear, 12, 31)) {
			t.Errorf("parseDate(%q) = %+v", s, p)
		}
	})
}
