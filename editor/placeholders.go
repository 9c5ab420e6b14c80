package editor

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Placeholder tokens as the template writes them. Brackets hold free text ("[Company]"); the
// others stand for a figure whose shape the token gives.
var (
	bracketToken = regexp.MustCompile(`\[[^\[\]\n]{2,}\]`)
	figureToken  = regexp.MustCompile(`\d*\.X+%|\bX+%|\b[XY]+ms\b|\bYYYY-MM-DD\b|\bYYYY\b|\b[XY]\b`)
	// Alternatives are three or more capitalised words joined by slashes ("High/Medium/Low");
	// two-way slashes ("TB/PB", "interview/Public documentation") are too common in prose.
	choiceToken = regexp.MustCompile(`\b[A-Z][a-z]+(?:/[A-Z][a-z]+){2,}\b`)
)

// Shapes that a value must have, read from the placeholder the template put there.
var (
	percentValue = regexp.MustCompile(`\d+(?:\.\d+)?\s?%`)
	latencyValue = regexp.MustCompile(`\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s|sec|secs|seconds|milliseconds|microseconds|minutes|min)\b`)
	yearValue    = regexp.MustCompile(`\b(?:1[89]\d\d|2\d\d\d)\b`)
	dateValue    = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
	numberValue  = regexp.MustCompile(`\d`)
)

// A shape is what a filled-in value must look like.
type shape int

const (
	shapeNone shape = iota
	shapeNumber
	shapePercent
	shapeLatency
	shapeYear
	shapeDate
)

// shapeOf reads the shape a template value asks for from its placeholders; the most specific
// token wins ("Started YYYY" is a year, "Xms p50, Yms p99" latencies).
func shapeOf(value string) shape {
	best := shapeNone
	for _, tok := range figureToken.FindAllString(value, -1) {
		s := tokenShape(tok)
		if s > best {
			best = s
		}
	}
	return best
}

func tokenShape(tok string) shape {
	switch {
	case tok == "YYYY-MM-DD":
		return shapeDate
	case tok == "YYYY":
		return shapeYear
	case strings.HasSuffix(tok, "%"):
		return shapePercent
	case strings.HasSuffix(tok, "ms"):
		return shapeLatency
	default:
		return shapeNumber
	}
}

// hint tells the writer what to put in place of a value of this shape.
func (s shape) hint() string {
	switch s {
	case shapePercent:
		return "write the measured figure, e.g. 99.95%"
	case shapeLatency:
		return "write the measured latencies with their units, e.g. 45ms p50, 180ms p99"
	case shapeYear:
		return "write the year, e.g. 2019"
	case shapeDate:
		return "write the date as YYYY-MM-DD, e.g. 2024-06-30"
	case shapeNumber:
		return "write the real figure"
	}
	return "write your own text"
}

// describe names the shape for a message ("a percentage").
func (s shape) describe() string {
	switch s {
	case shapePercent:
		return "a percentage such as 99.95%"
	case shapeLatency:
		return "latencies with units such as 45ms p50, 180ms p99"
	case shapeYear:
		return "a year such as 2019"
	case shapeDate:
		return "a date written YYYY-MM-DD"
	case shapeNumber:
		return "a number"
	}
	return "a value"
}

// checkShape reports what is wrong with value for shape s, or "" when it fits. Dates must be
// real days, and not after today.
func checkShape(s shape, value string, today time.Time) string {
	switch s {
	case shapePercent:
		if !percentValue.MatchString(value) {
			return "is not " + s.describe()
		}
	case shapeLatency:
		if !latencyValue.MatchString(value) {
			return "does not give " + s.describe()
		}
	case shapeYear:
		if !yearValue.MatchString(value) {
			return "does not give " + s.describe()
		}
	case shapeDate:
		m := dateValue.FindString(value)
		if m == "" {
			return "is not " + s.describe()
		}
		d, err := time.Parse("2006-01-02", m)
		if err != nil {
			return "is not a real date (" + m + ")"
		}
		if d.After(today) {
			return "is in the future (" + m + ")"
		}
	case shapeNumber:
		if !numberValue.MatchString(value) {
			return "has no figure in it"
		}
	}
	return ""
}

// A token is one placeholder found in the draft: its byte span and its text.
type token struct {
	from, to int
	text     string
}

// findPlaceholders returns the placeholder tokens in text, a run of plain text that begins at
// byte offset base of the draft.
func findPlaceholders(text []byte, base int, out []token) []token {
	// Most prose holds none of the characters a placeholder needs: skip the regexps for it.
	hasBracket := bytes.IndexByte(text, '[') >= 0
	hasFigure := bytes.IndexByte(text, 'X') >= 0 || bytes.IndexByte(text, 'Y') >= 0
	hasChoice := bytes.IndexByte(text, '/') >= 0
	if !hasBracket && !hasFigure && !hasChoice {
		return out
	}
	first := len(out)
	for _, m := range findAll(bracketToken, text, hasBracket) {
		inner := text[m[0]+1 : m[1]-1]
		if !isBracketPlaceholder(inner) || (m[1] < len(text) && (text[m[1]] == '(' || text[m[1]] == '[')) {
			continue
		}
		out = append(out, token{base + m[0], base + m[1], string(text[m[0]:m[1]])})
	}
	brackets := out[first:]
	for _, m := range findAll(figureToken, text, hasFigure) {
		if m[0] > 0 && isWordJoiner(text[m[0]-1]) || m[1] < len(text) && isWordJoiner(text[m[1]]) {
			continue // "X-ray", "Y's", "Twitter/X" are words, not placeholders.
		}
		if within(brackets, base+m[0]) {
			continue // the X of "[Pattern X]" belongs to that placeholder
		}
		out = append(out, token{base + m[0], base + m[1], string(text[m[0]:m[1]])})
	}
	for _, m := range findAll(choiceToken, text, hasChoice) {
		out = append(out, token{base + m[0], base + m[1], string(text[m[0]:m[1]])})
	}
	return out
}

func findAll(re *regexp.Regexp, text []byte, worth bool) [][]int {
	if !worth {
		return nil
	}
	return re.FindAllIndex(text, -1)
}

func within(tokens []token, off int) bool {
	for _, t := range tokens {
		if off >= t.from && off < t.to {
			return true
		}
	}
	return false
}

func isWordJoiner(b byte) bool { return b == '-' || b == '\'' || b == '/' || b == '_' }

// isBracketPlaceholder tells a "[Company]" placeholder from brackets that are not one: task
// boxes, footnote references, citations such as "[1]".
func isBracketPlaceholder(inner []byte) bool {
	if inner[0] == '^' || inner[0] == '!' {
		return false
	}
	if _, err := strconv.Atoi(string(inner)); err == nil {
		return false
	}
	for _, b := range inner {
		if b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= 0x80 {
			return true
		}
	}
	return false
}

// placeholderHint says what to write in place of tok.
func placeholderHint(tok string) string {
	switch {
	case tok[0] == '[':
		return "replace it with your own text"
	case choiceToken.MatchString(tok):
		return "keep the one choice that applies: " + strings.ReplaceAll(tok, "/", ", ")
	}
	return tokenShape(tok).hint()
}
