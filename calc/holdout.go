package calc

import "github.com/shopspring/decimal"

// HoldoutCheck compares the models' predictions with what happened after
// the calibration end, as the papers do (Fader, Hardie & Lee 2005,
// figures 2 and 4): the cumulative repeat purchases of the base's customers
// period by period, actual against expected, and the purchases of the
// holdout period by number of repeat purchases in calibration.
type HoldoutCheck struct {
	Periods float64 // length of the holdout period, in periods, to 2 places
	// Tracking: at the end of each period from the first order, the
	// cumulative repeat purchase occasions, actual and expected (to one
	// decimal place).
	Tracking []TrackingPoint
	// ByFrequency groups the customers by repeat purchases in calibration
	// (0 to 6, then 7 and more: X = 7 stands for the group).
	ByFrequency []FrequencyGroup
}

// TrackingPoint is one period of the tracking comparison.
type TrackingPoint struct {
	Period   int // 1 for the first period after the first order
	EndDay   int // the last day of the period
	Actual   int
	Expected decimal.Decimal
	Holdout  bool // the period ends after the calibration end
}

// FrequencyGroup is the conditional-expectation comparison for customers
// with X repeat purchases in calibration (X = 7: seven or more): their
// average purchase occasions in the holdout, actual and expected, to 2
// places.
type FrequencyGroup struct {
	X         int
	Customers int
	Actual    decimal.Decimal
	Expected  decimal.Decimal
}

// maxTrackingPoints bounds the tracking comparison: a history of more
// periods is compared at every k-th period.
const maxTrackingPoints = 400

func holdoutCheck(b *CustomerBase, m BGNBD, yield func() error) (*HoldoutCheck, error) {
	pd := b.PeriodDays
	span := b.Last - b.First // days
	// E[X(t)] at every whole number of days since a first purchase.
	ex := make([]float64, span+2)
	for d := 1; d < len(ex); d++ {
		if yield != nil && d%32 == 0 {
			if err := yield(); err != nil {
				return nil, err
			}
		}
		v, err := m.ExpectedRepeat(float64(d) / pd)
		if err != nil {
			return nil, noFit("bgnbd", "the expected purchases did not converge over the data's span")
		}
		ex[d] = v
	}
	h := &HoldoutCheck{}
	hp, _ := decimalFromFloat(float64(b.Last-b.End) / pd)
	h.Periods = hp.Round(2).InexactFloat64()
	periods := int(float64(span+1)/pd + 0.999999)
	step := max(1, (periods+maxTrackingPoints-1)/maxTrackingPoints)
	cum, day := 0, 0 // actual repeat occasions before day (offset from First)
	for k := step; ; k += step {
		endDay := int(float64(k)*pd+0.5) - 1 // offset of the period's last day
		if endDay > span {
			endDay = span
		}
		for ; day <= endDay; day++ {
			cum += int(b.repeatByDay[day])
		}
		exp := 0.0
		for f := 0; f <= min(endDay, b.End-b.First); f++ {
			if n := b.firstByDay[f]; n > 0 {
				exp += float64(n) * ex[endDay-f]
			}
		}
		e, _ := decimalFromFloat(exp)
		h.Tracking = append(h.Tracking, TrackingPoint{Period: k, EndDay: b.First + endDay, Actual: cum,
			Expected: e.Round(1), Holdout: b.First+endDay > b.End})
		if endDay == span {
			break
		}
	}
	// By frequency in calibration.
	tStar := float64(b.Last-b.End) / pd
	var count [8]int
	var actual [8]int
	var expected [8]float64
	cache := map[[2]int]float64{}
	for i, r := range b.Customers {
		if yield != nil && i%256 == 255 {
			if err := yield(); err != nil {
				return nil, err
			}
		}
		key := [2]int{r.X, b.End - r.First}
		g, ok := cache[key]
		if !ok {
			var err error
			if g, err = m.growth(r.X, float64(key[1])/pd, tStar); err != nil {
				return nil, noFit("bgnbd", "the expected purchases did not converge over the holdout")
			}
			cache[key] = g
		}
		rfm := b.RFM(r)
		k := min(r.X, 7)
		count[k]++
		actual[k] += r.Holdout
		expected[k] += m.PAlive(r.X, rfm.Tx, rfm.T) * g
	}
	for k := 0; k < 8; k++ {
		if count[k] == 0 {
			continue
		}
		n := decimal.NewFromInt(int64(count[k]))
		e, _ := decimalFromFloat(expected[k] / float64(count[k]))
		h.ByFrequency = append(h.ByFrequency, FrequencyGroup{X: k, Customers: count[k],
			Actual: quo(decimal.NewFromInt(int64(actual[k])), n).Round(2), Expected: e.Round(2)})
	}
	return h, nil
}
