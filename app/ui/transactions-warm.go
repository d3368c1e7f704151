package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

// warmTransactions runs the whole work of the transactions page on a small
// made-up order file and returns the page holding the results. The worker
// that compiles app.wasm runs it (warm-up_wasm.go), so that V8 has compiled
// the reading, the fits, the valuation and the results' render before the
// page runs them: compiled there, they cost the page's main thread nothing.
func warmTransactions(customers int) (*transactionsPage, error) {
	var b strings.Builder
	b.WriteString("customer,date,total\n")
	start, _ := calc.ParseDay("2024-01-01")
	seed := uint32(2024)
	u := func() float64 { // a linear congruential generator: made-up data, no math/rand
		seed = seed*1664525 + 1013904223
		return (float64(seed>>8) + 0.5) / (1 << 24)
	}
	for i := 0; i < customers; i++ {
		rate, drop := (u()+u()*u())/6, u()*0.5 // purchases a day, dropout after each
		mean := 15 + 80*u()*u()                // the customer's own order value
		t := u() * 40
		for k := 0; t < 180; k++ {
			b.WriteString("c" + strconv.Itoa(i) + "," + calc.FormatDay(start+int(t)) + "," + strconv.Itoa(int(mean*(0.4+u()*u()*2))) + ".50\n")
			if k > 0 && u() < drop {
				break
			}
			t += -math.Log(u()) / rate
		}
	}
	p := newTransactionsPage()
	o, err := calc.ReadOrders(strings.NewReader(b.String()), calc.OrderOptions{}, nil)
	if err != nil {
		return p, err
	}
	base, err := o.Summarize(start+120, calc.PeriodWeek, nil)
	if err != nil {
		return p, err
	}
	m, err := calc.FitOrderModels(base, nil)
	if err != nil {
		return p, err
	}
	v, err := calc.Value(base, m, calc.ValueSettings{Horizon: 52, MarginPct: decimal.NewFromInt(100), DiscountPct: decimal.NewFromInt(10)}, nil)
	if err != nil {
		return p, err
	}
	p.orders, p.base, p.models, p.val, p.fileName = o, base, &m, v, "orders.csv"
	for i, c := range v.Customers {
		r := base.Customers[c.Record]
		p.rows = append(p.rows, txRow{i: i, x: r.X, clv: c.CLV.InexactFloat64(), pAlive: c.PAlive, id: r.ID})
	}
	return p, nil
}
