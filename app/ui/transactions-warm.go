package ui

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

// warmTransactions runs the whole work of the transactions page on a small
// made-up order file, through the messages of the order worker, and
// returns the page holding the results. The worker that compiles orders.wasm
// runs it (warm-up_wasm.go), so that V8 has compiled the reading of the
// messages and the results' render before the page runs them: compiled
// there, they cost the page's main thread nothing.
func warmTransactions(customers int) (*transactionsPage, error) {
	p := newTransactionsPage()
	p.fileName = "orders.csv"
	var dec txDecoder
	var errs []error
	w := txWork{from: stageRead, pasted: warmOrdersCSV(customers), settings: warmSettings()}
	doTxWork(w, func() error { return nil }, func(e txEvent) {
		msgs, err := encodeTxEvent(e)
		errs = append(errs, err)
		for _, m := range msgs {
			e, ok, err := dec.decode(m)
			errs = append(errs, err)
			if ok {
				p.apply(e)
			}
		}
	})
	p.holdoutLater = false // drawn at once here
	if len(p.failures) > 0 {
		errs = append(errs, errors.New(strings.Join(p.failures, " ")))
	}
	return p, errors.Join(errs...)
}

// warmSettings are the settings of a warm-up: the made-up file's first 120
// days calibrate (the rest is a holdout period), weekly, a year's horizon.
func warmSettings() txSettings {
	end, _ := calc.ParseDay("2024-04-30")
	return txSettings{end: end, period: calc.PeriodWeek,
		value: calc.ValueSettings{Horizon: 52, MarginPct: decimal.NewFromInt(100), DiscountPct: decimal.NewFromInt(10)}}
}

// warmOrdersCSV is a made-up order file of a shop's customers, from
// 2024-01-01 over 180 days.
func warmOrdersCSV(customers int) string {
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
	return b.String()
}
