// Package affix measures what two versions of a text share at their start and at their end:
// around an edit, most of a long draft.
package affix

// Prefix returns the length of the longest common prefix of a and b: whole blocks first,
// compared by the runtime's vector code, then words, then bytes.
func Prefix[T ~string | ~[]byte](a, b T) int {
	n := min(len(a), len(b))
	i := 0
	for i+256 <= n && string(a[i:i+256]) == string(b[i:i+256]) {
		i += 256
	}
	for i+8 <= n && string(a[i:i+8]) == string(b[i:i+8]) {
		i += 8
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// Suffix returns the length of the longest common suffix of a and b.
func Suffix[T ~string | ~[]byte](a, b T) int {
	n := min(len(a), len(b))
	i := 0
	for i+256 <= n && string(a[len(a)-i-256:len(a)-i]) == string(b[len(b)-i-256:len(b)-i]) {
		i += 256
	}
	for i+8 <= n && string(a[len(a)-i-8:len(a)-i]) == string(b[len(b)-i-8:len(b)-i]) {
		i += 8
	}
	for i < n && a[len(a)-i-1] == b[len(b)-i-1] {
		i++
	}
	return i
}
