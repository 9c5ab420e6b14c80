//go:build js && wasm

package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"syscall/js"
	"testing"
	"time"
)

// reportLatency adds the median and 95th percentile of the timed
// operations to the benchmark's results.
func reportLatency(b *testing.B, times []time.Duration) {
	if len(times) == 0 {
		return
	}
	slices.Sort(times)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(times[len(times)/2]), "ms-median")
	b.ReportMetric(ms(times[len(times)*95/100]), "ms-p95")
}

// words feed markdown; random choices keep the text about as
// compressible as prose, which matters to the storage figures.
var words = strings.Fields(`the service writes events to a queue and a worker reads them back
	partition leader replica consistency latency throughput écrit données 🚀 cache region
	failover quorum ledger invoice payment customer tenant shard index compaction snapshot`)

// markdown returns about size bytes of case-study-like Markdown.
func markdown(title string, size int) string {
	rng := rand.New(rand.NewPCG(uint64(len(title)), uint64(size)))
	var sb strings.Builder
	sb.WriteString("# " + title + "\n\n")
	for i := 0; sb.Len() < size; i++ {
		if i%60 == 0 {
			fmt.Fprintf(&sb, "\n## Section %d\n\n", i/60)
		}
		sb.WriteString(words[rng.IntN(len(words))])
		sb.WriteByte(' ')
	}
	return sb.String()
}

func BenchmarkSave100KB(b *testing.B) {
	ctx := testContext(b)
	s, _ := openTest(b)
	s.now = time.Now
	texts := []string{markdown("Bench A", 100<<10), markdown("Bench B", 100<<10)}
	d, err := s.Create(ctx, "", texts[1])
	if err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	b.SetBytes(int64(len(texts[0])))
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		d, err = s.Save(ctx, d.ID, texts[i%2], "", 0.5, d.Revision)
		times = append(times, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
	}
	reportLatency(b, times)
}

// importDrafts stores n drafts of about size bytes with snapshots
// snapshots each, in one transaction.
func importDrafts(b *testing.B, s *Store, n, size, snapshots int) {
	a := archive{Format: ArchiveFormat, Version: ArchiveVersion}
	now := time.Now().UTC()
	for i := range n {
		text := markdown(fmt.Sprintf("Draft %d", i), size)
		d := archiveDraft{Title: fmt.Sprintf("Draft %d", i), Created: now, Updated: now.Add(time.Duration(i) * time.Second), Revision: 1, Text: &text}
		for j := range snapshots {
			d.History = append(d.History, archiveSnapshot{ID: int64(j + 1), Taken: now, Text: text[:len(text)-j]})
		}
		a.Drafts = append(a.Drafts, d)
	}
	data, err := a.encode()
	if err != nil {
		b.Fatal(err)
	}
	if got, err := s.ImportArchive(testContext(b), data); err != nil || got != n {
		b.Fatalf("import = %d, %v", got, err)
	}
}

func BenchmarkList1000(b *testing.B) {
	ctx := testContext(b)
	s, _ := openTest(b)
	importDrafts(b, s, 1000, 4<<10, 0)
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		list, err := s.List(ctx)
		times = append(times, time.Since(start))
		if err != nil || len(list) != 1000 {
			b.Fatalf("List = %d, %v", len(list), err)
		}
	}
	reportLatency(b, times)
}

// usage returns navigator.storage.estimate()'s usage for this origin.
func usage(ctx context.Context) (float64, error) {
	done := make(chan js.Value, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- args[0]
		return nil
	})
	defer then.Release()
	if err := jsTry(func() {
		js.Global().Get("navigator").Get("storage").Call("estimate").Call("then", then)
	}); err != nil {
		return 0, err
	}
	select {
	case est := <-done:
		return est.Get("usage").Float(), nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// BenchmarkStoragePerDraft measures the origin's storage use per draft of
// 20 KB with 10 snapshots, as navigator.storage.estimate() reports it.
// The estimate lags behind deletions and compaction, so only a run on its
// own (-bench StoragePerDraft -count 1) gives a meaningful figure.
func BenchmarkStoragePerDraft(b *testing.B) {
	const drafts, size, snapshots = 200, 20 << 10, 10
	ctx := testContext(b)
	for b.Loop() {
		before, err := usage(ctx)
		if err != nil {
			b.Fatal(err)
		}
		s, _ := openTest(b)
		importDrafts(b, s, drafts, size, snapshots)
		after, err := usage(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric((after-before)/drafts, "bytes/draft")
		b.ReportMetric(float64(size*(snapshots+1)), "text-bytes/draft")
	}
}
