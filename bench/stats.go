package main

import (
	"math"
	"slices"
)

// summary is the distribution of a set of durations, in milliseconds.
type summary struct {
	N      int     `json:"n"`
	Median float64 `json:"median"`
	P95    float64 `json:"p95"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
}

func summarize(xs []float64) summary {
	if len(xs) == 0 {
		return summary{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return summary{N: len(s), Median: percentile(s, 50), P95: percentile(s, 95), Min: s[0], Max: s[len(s)-1]}
}

// percentile returns the p-th percentile of sorted xs, by the nearest-rank method.
func percentile(sorted []float64, p float64) float64 {
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}
