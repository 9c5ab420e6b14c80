package render

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestResplitMatchesSplit checks that cutting again only around an edit gives the chunks a
// cut of the whole source gives, and that the chunks it reports kept hold the same text.
func TestResplitMatchesSplit(t *testing.T) {
	iterations := 400
	if testing.Short() {
		iterations = 80
	}
	docs := corpus(t)
	large, err := os.ReadFile("../testdata/bench/large-case-study.md")
	if err != nil {
		t.Fatal(err)
	}
	docs["large-case-study.md"] = large
	for name, doc := range docs {
		t.Run(filepath.Base(name), func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(len(doc))))
			src := doc
			spans := splitChunks(src, nil)
			for i := range iterations {
				next := randomEdit(rng, src)
				if i%7 == 0 {
					next = append(append([]byte(nil), next...), snippets[rng.Intn(len(snippets))]...)
				}
				got, head, tail, delta := resplit(newEdit(src, next), spans, nil)
				want := splitChunks(next, nil)
				what := fmt.Sprintf("edit %d", i)
				if !slices.Equal(got, want) {
					t.Fatalf("%s: resplit gives %v, split gives %v\nsource:\n%s", what, got, want, next)
				}
				for j := range head {
					if got[j] != spans[j] {
						t.Fatalf("%s: head chunk %d changed", what, j)
					}
				}
				for j := 1; j <= tail; j++ {
					o, n := spans[len(spans)-j], got[len(got)-j]
					if string(src[o.start:o.end]) != string(next[n.start:n.end]) || n.start-o.start != delta {
						t.Fatalf("%s: tail chunk %d changed", what, j)
					}
				}
				src, spans = next, got
			}
		})
	}
}
