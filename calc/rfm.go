package calc

import (
	"slices"
)

// Periods of the order-history models: the unit of recency, T, the horizon
// and the holdout check (and PeriodMonth).
const (
	PeriodDay  = "day"
	PeriodWeek = "week"
)

// PeriodDays is the length of a period in days: 1, 7, or 365.25 / 12 for a
// month (a mean month, so that twelve make a year).
func PeriodDays(period string) (float64, bool) {
	switch period {
	case PeriodDay:
		return 1, true
	case PeriodWeek:
		return 7, true
	case PeriodMonth:
		return 365.25 / 12, true
	}
	return 0, false
}

// CustomerRecord is one customer's history up to the calibration end, in
// days, and the purchase days after it.
type CustomerRecord struct {
	ID           string
	X            int   // repeat purchase occasions: purchase days after the first, up to the end
	First, Last  int   // days of the first and the last purchase up to the end
	RepeatMicros int64 // the value of the X repeat occasions, in millionths
	Holdout      int   // purchase days after the end
}

// CustomerBase is an order history cut at the calibration end: one record
// per customer whose first purchase is on or before it. One customer's
// orders on one day are one purchase occasion (as in Fader, Hardie & Lee
// 2005), worth their sum.
type CustomerBase struct {
	Period     string
	PeriodDays float64
	First, End int // the first order's day and the calibration end
	Last       int // the last order's day: after End, the holdout period runs to it
	Customers  []CustomerRecord
	// Later counts the customers whose first purchase is after the end:
	// the models see them only from then, so they are left out.
	Later            int
	Repeat           int // customers with repeat occasions
	Occasions        int // purchase occasions up to the end, first purchases included
	HoldoutOccasions int // purchase occasions after the end, of the customers of the base

	// By day from First: repeat occasions of the base's customers (up to
	// Last), and customers whose first purchase is that day (up to End).
	repeatByDay []int32
	firstByDay  []int32
}

// Summarize cuts the orders at the calibration end (a day number; orders on
// that day count) into one record per customer, in periods of the given
// length. yield, when not nil, is called every 256 customers.
//
// It returns a *FieldError naming "period" for an unknown period, "end"
// for an end before the first order or more than 100 years after it, and
// "orders" when no customer bought on or before the end.
func (o *Orders) Summarize(end int, period string, yield func() error) (*CustomerBase, error) {
	pd, ok := PeriodDays(period)
	if !ok {
		return nil, &FieldError{Field: "period", Value: period, Code: CodeInvalid, Reason: `the period is "day", "week" or "month"`}
	}
	if o.Kept == 0 {
		return nil, &FieldError{Field: "orders", Code: CodeRequired, Reason: "no row of the file is an order that can be read"}
	}
	if end < o.first || end > o.first+36525 {
		return nil, &FieldError{Field: "end", Value: FormatDay(end), Code: CodeOutOfRange,
			Reason: "the calibration end is between the first order (" + FormatDay(o.first) + ") and 100 years after it"}
	}
	b := &CustomerBase{Period: period, PeriodDays: pd, First: o.first, End: end, Last: o.last}
	// Counting sort of the orders by customer.
	start := make([]int32, len(o.customers)+1)
	for _, c := range o.cust {
		if c >= 0 {
			start[c+1]++
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	order := make([]int32, start[len(start)-1])
	fill := slices.Clone(start[:len(start)-1])
	for i, c := range o.cust {
		if c >= 0 {
			order[fill[c]] = int32(i)
			fill[c]++
		}
	}
	span := max(o.last, end) - o.first + 1
	b.repeatByDay = make([]int32, span)
	b.firstByDay = make([]int32, end-o.first+1)
	type dayValue struct {
		day    int32
		micros int64
	}
	var days []dayValue
	for c := range o.customers {
		if yield != nil && c%256 == 255 {
			if err := yield(); err != nil {
				return nil, err
			}
		}
		days = days[:0]
		for _, i := range order[start[c]:start[c+1]] {
			days = append(days, dayValue{o.day[i], o.micros[i]})
		}
		if len(days) == 0 {
			continue
		}
		slices.SortFunc(days, func(a, b dayValue) int { return int(a.day - b.day) })
		// Merge the orders of a day into one occasion.
		n := 0
		for _, d := range days {
			if n > 0 && days[n-1].day == d.day {
				days[n-1].micros = addMicros(days[n-1].micros, d.micros)
				continue
			}
			days[n] = d
			n++
		}
		days = days[:n]
		if int(days[0].day) > end {
			b.Later++
			continue
		}
		r := CustomerRecord{ID: o.customers[c], First: int(days[0].day), Last: int(days[0].day)}
		for _, d := range days[1:] {
			if int(d.day) > end {
				r.Holdout++
			} else {
				r.X++
				r.Last = int(d.day)
				r.RepeatMicros = addMicros(r.RepeatMicros, d.micros)
			}
			b.repeatByDay[int(d.day)-o.first]++
		}
		b.firstByDay[r.First-o.first]++
		b.Occasions += 1 + r.X
		b.HoldoutOccasions += r.Holdout
		if r.X > 0 {
			b.Repeat++
		}
		b.Customers = append(b.Customers, r)
	}
	if len(b.Customers) == 0 {
		return nil, &FieldError{Field: "end", Value: FormatDay(end), Code: CodeOutOfRange, Reason: "no customer bought on or before the calibration end"}
	}
	return b, nil
}

// addMicros adds two amounts in millionths, saturating rather than
// overflowing (a customer would need to spend over nine trillion).
func addMicros(a, b int64) int64 {
	if s := a + b; s >= a {
		return s
	}
	return 1<<63 - 1
}

// RFM returns the customer's summary for the BG/NBD model, in the base's
// periods.
func (b *CustomerBase) RFM(r CustomerRecord) RFM {
	return RFM{
		X:  r.X,
		Tx: float64(r.Last-r.First) / b.PeriodDays,
		T:  float64(b.End-r.First) / b.PeriodDays,
	}
}

// RFMs returns the summaries of every customer of the base.
func (b *CustomerBase) RFMs() []RFM {
	out := make([]RFM, len(b.Customers))
	for i, r := range b.Customers {
		out[i] = b.RFM(r)
	}
	return out
}

// Spends returns the Gamma-Gamma summaries of the repeat customers whose
// repeat occasions are worth more than zero, and how many repeat customers
// spent nothing on them (the model needs a positive mean).
func (b *CustomerBase) Spends() (spends []Spend, zero int) {
	for _, r := range b.Customers {
		if r.X == 0 {
			continue
		}
		if r.RepeatMicros <= 0 {
			zero++
			continue
		}
		spends = append(spends, Spend{X: r.X, M: float64(r.RepeatMicros) / microUnits / float64(r.X)})
	}
	return spends, zero
}
