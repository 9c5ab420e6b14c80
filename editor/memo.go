package editor

import "sync"

// A memo remembers the results of a pure function of text. The check runs at every keystroke,
// and in a long draft most headings and blocks are the same as one keystroke ago: their
// near-miss scores and YAML parses need not be computed again. It is safe for concurrent use
// and forgets everything once it holds limit entries, so that it stays small.
type memo[K comparable, V any] struct {
	mu    sync.Mutex
	limit int
	m     map[K]V
}

func newMemo[K comparable, V any](limit int) *memo[K, V] {
	return &memo[K, V]{limit: limit}
}

// get returns the remembered result for key, or computes and remembers it.
func (m *memo[K, V]) get(key K, compute func() V) V {
	m.mu.Lock()
	v, ok := m.m[key]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	m.mu.Lock()
	if m.m == nil || len(m.m) >= m.limit {
		m.m = make(map[K]V)
	}
	m.m[key] = v
	m.mu.Unlock()
	return v
}
