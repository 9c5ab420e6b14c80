// Package nest bounds how deep a draft nests lists and quotes, counted before the parser runs:
// Go's recursion in WebAssembly runs out of the browser's call stack on deep enough nesting.
package nest

import "strings"

// Depth returns the most list and quote markers that open any line of text: a cheap bound on
// how deep the parser would nest.
func Depth(text string) int {
	deepest, depth, atStart := 0, 0, true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n':
			depth, atStart = 0, true
		case !atStart:
			// Nothing later on the line opens a level: go to its end.
			if j := strings.IndexByte(text[i:], '\n'); j > 0 {
				i += j - 1
			} else {
				i = len(text)
			}
		case c == ' ', c == '\t':
		case c == '>':
			depth++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\t'):
			depth++
		case c >= '0' && c <= '9':
			j := i
			for j < len(text) && j-i < 9 && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			if j+1 < len(text) && (text[j] == '.' || text[j] == ')') && text[j+1] == ' ' {
				depth++
				i = j
			} else {
				atStart = false
			}
		default:
			atStart = false
		}
		deepest = max(deepest, depth)
	}
	return deepest
}
