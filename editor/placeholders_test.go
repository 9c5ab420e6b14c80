package editor

import (
	"slices"
	"testing"
	"time"
)

func TestFindPlaceholders(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"[Company] [System Name] Architecture", []string{"[Company]", "[System Name]"}},
		{"X users/requests", []string{"X"}},
		{"Xms p50, Yms p99", []string{"Xms", "Yms"}},
		{"99.X%", []string{"99.X%"}},
		{"Started YYYY", []string{"YYYY"}},
		{"YYYY-MM-DD", []string{"YYYY-MM-DD"}},
		{"High/Medium/Low based on source", []string{"High/Medium/Low"}},
		{"[Pattern X] - Next logical evolution", []string{"[Pattern X]"}},
		{"- [x] done, see [1] and [^2]", nil},
		{"X-ray scans on Twitter/X are 10x faster", nil},
		{"TB/PB of data, Time/money/opportunity", nil},
		{"99.95% over 2023, 45ms p50", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range findPlaceholders([]byte(tt.text), 0, nil) {
			got = append(got, tok.text)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", tt.text, got, want)
		}
	}
}

func TestCheckShape(t *testing.T) {
	today := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		shape shape
		value string
		ok    bool
	}{
		{shapePercent, "99.95%", true},
		{shapePercent, "four nines", false},
		{shapeLatency, "45ms p50, 180ms p99", true},
		{shapeLatency, "fast", false},
		{shapeLatency, "1.2 s p99", true},
		{shapeYear, "Started 2014", true},
		{shapeYear, "Started last decade", false},
		{shapeDate, "2024-11-18", true},
		{shapeDate, "2024-02-30", false},
		{shapeDate, "2031-01-01", false},
		{shapeDate, "18/11/2024", false},
		{shapeNumber, "140 engineers", true},
		{shapeNumber, "many engineers", false},
	}
	for _, tt := range tests {
		why := checkShape(tt.shape, tt.value, today)
		if (why == "") != tt.ok {
			t.Errorf("%s %q: %q, want ok=%v", tt.shape.describe(), tt.value, why, tt.ok)
		}
	}
}

func TestFoldKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"What Worked Well ✅", "what worked well"},
		{"What Didn't Work ❌", "What didnt work"},
		{"Monitoring & Observability", "monitoring  observability"},
	}
	for _, tt := range tests {
		if foldKey([]byte(tt.a)) != foldKey([]byte(tt.b)) {
			t.Errorf("%q and %q fold differently: %q, %q", tt.a, tt.b, foldKey([]byte(tt.a)), foldKey([]byte(tt.b)))
		}
	}
	if s := similarity(foldKey([]byte("Lessons Learnt")), foldKey([]byte("Lessons Learned")), nearMiss); s < nearMiss {
		t.Errorf("Lessons Learnt is not a near miss (%.2f)", s)
	}
	if s := similarity(foldKey([]byte("Security Model")), foldKey([]byte("Deep Dives")), nearMiss); s >= nearMiss {
		t.Errorf("Security Model taken for Deep Dives (%.2f)", s)
	}
}
