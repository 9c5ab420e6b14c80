package editor

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A frontMatter is the YAML block that may open a document, between two "---" lines.
type frontMatter struct {
	from, to         int // the whole block, fences included
	bodyFrom, bodyTo int // the YAML between the fences
}

// findFrontMatter finds the front matter that opens src, if any. An opening fence without a
// closing one is not front matter: Markdown then reads it as a thematic break.
func findFrontMatter(src []byte) (frontMatter, bool) {
	first := lineEnd(src, 0)
	if !isFence(src[:first]) {
		return frontMatter{}, false
	}
	bodyFrom := min(first+1, len(src))
	for pos := bodyFrom; pos < len(src); {
		end := lineEnd(src, pos)
		if isFence(src[pos:end]) {
			return frontMatter{from: 0, to: min(end+1, len(src)), bodyFrom: bodyFrom, bodyTo: pos}, true
		}
		pos = end + 1
	}
	return frontMatter{}, false
}

// lineEnd returns the offset of the newline that ends the line starting at pos, or len(src).
func lineEnd(src []byte, pos int) int {
	if i := bytes.IndexByte(src[pos:], '\n'); i >= 0 {
		return pos + i
	}
	return len(src)
}

func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == "---"
}

// blankFrontMatter returns src with its front matter replaced by empty lines, so that the
// Markdown parser does not read it as a thematic break and a heading while every byte offset
// and line number stays as it was.
func blankFrontMatter(src []byte, fm frontMatter) []byte {
	out := bytes.Clone(src)
	for i := fm.from; i < fm.to; i++ {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	return out
}

var yamlErrorLine = regexp.MustCompile(`line (\d+)`)

// yamlError parses src as YAML and, when it does not parse, returns the 1-based line of src
// at fault (0 when the parser does not say) and the parser's message.
func yamlError(src []byte) (line int, msg string, bad bool) {
	r := yamlChecks.get(string(src), func() yamlCheck {
		var r yamlCheck
		r.line, r.msg, r.bad = parseYAMLError(src)
		return r
	})
	return r.line, r.msg, r.bad
}

// yamlChecks remembers what the YAML blocks of recent drafts parse to: a YAML parse is costly,
// and the blocks rarely change while the writer types elsewhere.
var yamlChecks = newMemo[string, yamlCheck](256)

type yamlCheck struct {
	line int
	msg  string
	bad  bool
}

func parseYAMLError(src []byte) (line int, msg string, bad bool) {
	defer func() {
		// The YAML parser is third-party code fed with whatever the writer typed.
		if r := recover(); r != nil {
			line, msg, bad = 0, fmt.Sprint("yaml: ", r), true
		}
	}()
	var doc yaml.Node
	err := yaml.Unmarshal(src, &doc)
	if err == nil {
		return 0, "", false
	}
	msg = err.Error()
	if m := yamlErrorLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		// For an unclosed construct the parser names the line before the one at fault.
		if strings.Contains(msg, "did not find expected") {
			line++
		}
	}
	return line, msg, true
}

// tuning is what a template's front matter can say that its shape cannot.
//
//	---
//	casewright:
//	  optional: [Deep Dives, Try It Yourself]
//	  severity:
//	    section-order: error
//	    template-text: off
//	---
type tuning struct {
	Optional []string          `yaml:"optional"`
	Severity map[string]string `yaml:"severity"`
}

// readTuning parses a template's front matter. Keys other than "casewright" belong to the
// portal (MkDocs page metadata) and are left alone.
func readTuning(body []byte) (tuning, error) {
	var fm struct {
		Casewright tuning `yaml:"casewright"`
	}
	if err := yaml.Unmarshal(body, &fm); err != nil {
		return tuning{}, fmt.Errorf("template front matter: %w", err)
	}
	for code, sev := range fm.Casewright.Severity {
		switch Severity(sev) {
		case Error, Warning, Info, "off":
		default:
			return tuning{}, fmt.Errorf("template front matter: severity of %q is %q; use error, warning, info or off", code, sev)
		}
	}
	return fm.Casewright, nil
}
