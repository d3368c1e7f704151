//go:build !wasm

package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

// transactionsReport is the JSON the transactions command prints: the data
// read, the two fitted models with their 90 % intervals, and every
// customer's prediction. Numbers are JSON numbers written from decimal
// strings; recency and T are in periods.
type transactionsReport struct {
	Customers        int              `json:"customers"`
	RepeatCustomers  int              `json:"repeat_customers"`
	Transactions     int              `json:"transactions"`
	FirstDate        string           `json:"first_date"`
	LastDate         string           `json:"last_date"`
	CalibrationEnd   string           `json:"calibration_end"`
	Period           string           `json:"period"`
	Horizon          int              `json:"horizon"`
	MarginPct        json.Number      `json:"margin_pct"`
	DiscountPct      json.Number      `json:"discount_pct"`
	Rows             int              `json:"rows"`
	Orders           int              `json:"orders"`
	LineRows         int              `json:"order_line_rows"`
	PartialRefunds   int              `json:"partial_refunds"`
	LaterCustomers   int              `json:"customers_after_end"`
	HoldoutTrans     int              `json:"holdout_transactions"`
	Skipped          map[string]int   `json:"skipped"`
	SkippedRows      []skippedRowJSON `json:"skipped_rows"`
	Columns          columnsJSON      `json:"columns"`
	BGNBD            modelJSON        `json:"bgnbd"`
	GammaGamma       modelJSON        `json:"gamma_gamma"`
	SpendCorrelation json.Number      `json:"frequency_spend_correlation"`
	Population       populationJSON   `json:"population"`
	Holdout          *holdoutJSON     `json:"holdout,omitempty"`
	PerCustomer      []customerJSON   `json:"per_customer"`
}

type skippedRowJSON struct {
	Row    int    `json:"row"`
	Column string `json:"column,omitempty"`
	Value  string `json:"value,omitempty"`
	Reason string `json:"reason"`
}

type columnsJSON struct {
	Customer  string `json:"customer"`
	Date      string `json:"date"`
	Amount    string `json:"amount"`
	Order     string `json:"order,omitempty"`
	Status    string `json:"status,omitempty"`
	Refund    string `json:"refund,omitempty"`
	Cancelled string `json:"cancelled,omitempty"`
	DateOrder string `json:"date_order,omitempty"`
}

// modelJSON holds a model's parameters by name, its log-likelihood, and the
// 90 % interval of each parameter as [low, high].
type modelJSON map[string]any

type populationJSON struct {
	OrderValue       json.Number `json:"order_value"`
	PurchasesPerYear json.Number `json:"purchases_per_year"`
	Years            json.Number `json:"years"`
	TotalCLV         json.Number `json:"total_clv"`
}

type holdoutJSON struct {
	Periods     json.Number    `json:"periods"`
	Tracking    []trackingJSON `json:"cumulative_repeat_transactions"`
	ByFrequency []groupJSON    `json:"by_frequency"`
}

type trackingJSON struct {
	Period   int         `json:"period"`
	EndDate  string      `json:"end_date"`
	Actual   int         `json:"actual"`
	Expected json.Number `json:"expected"`
}

type groupJSON struct {
	Frequency string      `json:"frequency"`
	Customers int         `json:"customers"`
	Actual    json.Number `json:"actual"`
	Expected  json.Number `json:"expected"`
}

type customerJSON struct {
	Customer             string      `json:"customer"`
	Frequency            int         `json:"frequency"`
	Recency              json.Number `json:"recency"`
	T                    json.Number `json:"T"`
	MonetaryValue        json.Number `json:"monetary_value"`
	PAlive               json.Number `json:"p_alive"`
	ExpectedTransactions json.Number `json:"expected_transactions"`
	ExpectedAverageValue json.Number `json:"expected_average_value"`
	CLV                  json.Number `json:"clv"`
}

// runTransactions is the transactions command: it reads an order file
// (FILE, or standard input for "-"), fits the BG/NBD and Gamma-Gamma
// models and prints the report as JSON. The exit status is 0 on success
// (skipped rows are listed in the report and summed up on stderr), 2 on bad
// input (the message names the row or the column), 1 when the file cannot
// be read or written.
func runTransactions(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("transactions", flag.ContinueOnError)
	fs.SetOutput(stderr)
	end := fs.String("end", "", "calibration end, YYYY-MM-DD (default: the last order's date)")
	period := fs.String("period", calc.PeriodWeek, "period of recency, T and the horizon: day, week or month")
	horizon := fs.Int("horizon", 0, "prediction horizon in periods (default: one year)")
	margin := fs.String("margin", "100", "gross margin, percent")
	discount := fs.String("discount", "10", "discount rate, percent a year")
	customer := fs.String("customer", "", "customer column (default: found by its name)")
	date := fs.String("date", "", "order date column (default: found by its name)")
	amount := fs.String("amount", "", "amount column (default: found by its name)")
	dates := fs.String("dates", "", "order of day and month in dates such as 03/04/2024: dmy or mdy (default: found from the data)")
	if err := fs.Parse(args); err != nil {
		return flagStatus(err)
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "transactions takes one order file, or - for standard input\n%s", usage)
		return 2
	}
	in, name := stdin, "standard input"
	if fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			fmt.Fprintln(stderr, "error:", err)
			return 1
		}
		defer f.Close()
		in, name = f, fs.Arg(0)
	}
	bad := func(err error) int {
		fmt.Fprintf(stderr, "%s: bad input: %v\n", name, err)
		return 2
	}
	pd, ok := calc.PeriodDays(*period)
	if !ok {
		return bad(fmt.Errorf("-period %q: the period is day, week or month", *period))
	}
	h := *horizon
	if h == 0 {
		h = int(365.25/pd + 0.5)
	}
	m, err1 := decimal.NewFromString(*margin)
	d, err2 := decimal.NewFromString(*discount)
	if err1 != nil || err2 != nil {
		return bad(fmt.Errorf("-margin and -discount are percentages such as 60 or 12.5"))
	}
	settings := calc.ValueSettings{Horizon: h, MarginPct: m, DiscountPct: d}
	if err := settings.Check(*period); err != nil {
		return bad(err)
	}
	orders, err := calc.ReadOrders(bufio.NewReaderSize(in, 1<<20), calc.OrderOptions{Customer: *customer, Date: *date, Amount: *amount, DateOrder: *dates}, nil)
	if err != nil {
		if calc.ErrorFor(err, "date_order") != nil {
			return bad(fmt.Errorf("%v (-dates dmy or -dates mdy)", err))
		}
		return bad(err)
	}
	endDay := orders.LastDay()
	if *end != "" {
		if endDay, ok = calc.ParseDay(*end); !ok {
			return bad(fmt.Errorf("-end %q: a date written YYYY-MM-DD", *end))
		}
	}
	base, err := orders.Summarize(endDay, *period, nil)
	if err != nil {
		return bad(err)
	}
	models, err := calc.FitOrderModels(base, nil)
	if err != nil {
		return bad(err)
	}
	val, err := calc.Value(base, models, settings, nil)
	if err != nil {
		return bad(err)
	}
	rep := buildReport(orders, base, models, val)
	if n := len(orders.Skipped); n > 0 {
		total := 0
		for _, c := range rep.Skipped {
			total += c
		}
		fmt.Fprintf(stderr, "%s: %d rows skipped; the first:\n", name, total)
		for _, s := range orders.Skipped {
			fmt.Fprintf(stderr, "  row %d, column %q: %s (%q)\n", s.Row, s.Column, calc.SkipReasonText(s.Reason), s.Value)
		}
	}
	w := bufio.NewWriterSize(stdout, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return 1
	}
	if err := w.Flush(); err != nil {
		return 1
	}
	return 0
}

func buildReport(o *calc.Orders, b *calc.CustomerBase, m calc.OrderModels, v *calc.Valuation) transactionsReport {
	rep := transactionsReport{
		Customers: len(b.Customers), RepeatCustomers: b.Repeat, Transactions: b.Occasions,
		FirstDate: calc.FormatDay(b.First), LastDate: calc.FormatDay(b.Last), CalibrationEnd: calc.FormatDay(b.End),
		Period: b.Period, Horizon: v.Settings.Horizon,
		MarginPct: num(v.Settings.MarginPct.String()), DiscountPct: num(v.Settings.DiscountPct.String()),
		Rows: o.Rows, Orders: o.Kept, LineRows: o.LineRows, PartialRefunds: o.PartialRefunds,
		LaterCustomers: b.Later, HoldoutTrans: b.HoldoutOccasions,
		Skipped: o.SkipCounts, SkippedRows: []skippedRowJSON{},
		Columns:          columnsJSON{o.Customer, o.Date, o.Amount, o.Order, o.Status, o.Refund, o.Cancelled, o.DateOrder},
		SpendCorrelation: stat(m.SpendCorrelation, 4),
		Population: populationJSON{
			OrderValue: num(v.PopulationOrderValue.StringFixed(2)), PurchasesPerYear: num(v.PurchasesPerYear().String()),
			Years: num(v.HorizonYears.String()), TotalCLV: num(v.TotalCLV.StringFixed(2)),
		},
	}
	for _, s := range o.Skipped {
		rep.SkippedRows = append(rep.SkippedRows, skippedRowJSON{s.Row, s.Column, s.Value, s.Reason})
	}
	bg, gg := m.BGNBD, m.GammaGamma
	rep.BGNBD = model([]string{"r", "alpha", "a", "b"}, []float64{bg.R, bg.Alpha, bg.A, bg.B}, bg.Intervals[:], bg.LogLikelihood)
	rep.GammaGamma = model([]string{"p", "q", "gamma"}, []float64{gg.P, gg.Q, gg.Gamma}, gg.Intervals[:], gg.LogLikelihood)
	rep.GammaGamma["customers"] = gg.Customers
	if h := v.Holdout; h != nil {
		hj := &holdoutJSON{Periods: stat(h.Periods, 2)}
		for _, p := range h.Tracking {
			hj.Tracking = append(hj.Tracking, trackingJSON{p.Period, calc.FormatDay(p.EndDay), p.Actual, num(p.Expected.String())})
		}
		for _, g := range h.ByFrequency {
			f := strconv.Itoa(g.X)
			if g.X == 7 {
				f = "7+"
			}
			hj.ByFrequency = append(hj.ByFrequency, groupJSON{f, g.Customers, num(g.Actual.StringFixed(2)), num(g.Expected.StringFixed(2))})
		}
		rep.Holdout = hj
	}
	rep.PerCustomer = make([]customerJSON, len(v.Customers))
	for i, c := range v.Customers {
		r := b.Customers[c.Record]
		rfm := b.RFM(r)
		rep.PerCustomer[i] = customerJSON{
			Customer: r.ID, Frequency: r.X, Recency: stat(rfm.Tx, 4), T: stat(rfm.T, 4),
			MonetaryValue: num(c.Monetary.StringFixed(2)), PAlive: stat(c.PAlive, 4),
			ExpectedTransactions: stat(c.Expected, 4), ExpectedAverageValue: num(c.ExpectedValue.StringFixed(2)),
			CLV: num(c.CLV.StringFixed(2)),
		}
	}
	return rep
}

func model(names []string, values []float64, iv []calc.Interval, ll float64) modelJSON {
	out := modelJSON{"log_likelihood": stat(ll, 4)}
	ivs := map[string][2]json.Number{}
	for i, n := range names {
		out[n] = stat(values[i], 6)
		ivs[n] = [2]json.Number{stat(iv[i].Low, 6), stat(iv[i].High, 6)}
	}
	out["interval_90"] = ivs
	return out
}

// stat writes a statistic of the models rounded to places decimal places,
// through decimal (a float64 with 10 significant digits).
func stat(f float64, places int32) json.Number {
	return num(calc.FloatDecimal(f).Round(places).String())
}

func num(s string) json.Number { return json.Number(s) }
