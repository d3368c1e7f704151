//go:build !wasm

package main

import (
	"math"
	"sort"
)

// median of xs; NaN when empty.
func median(xs []float64) float64 {
	return percentile(xs, 50)
}

// percentile p (0-100) of xs by the nearest-rank method: the smallest
// sample with at least p % of the samples at or below it. NaN when empty.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	if rank < 1 {
		rank = 1
	}
	return s[rank-1]
}

func maxOf(xs []float64) float64 {
	m := math.Inf(-1)
	for _, x := range xs {
		m = math.Max(m, x)
	}
	return m
}
