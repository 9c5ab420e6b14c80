package editor

import (
	"bytes"
	"regexp"
)

// labelledValue matches one "**Label**: value" line, in Markdown or in HTML
// ("<strong>Label</strong>: value<br/>"), with the colon inside or outside the bold.
var labelledValue = regexp.MustCompile(`^\s*(?:\*\*|__|<strong>|<b>)\s*([^*_<>\n]+?)\s*:?\s*(?:\*\*|__|</strong>|</b>)\s*:\s*(.*?)\s*$|^\s*(?:\*\*|__|<strong>|<b>)\s*([^*_<>\n]+?)\s*:\s*(?:\*\*|__|</strong>|</b>)\s*(.*?)\s*$`)

// lineBreakTail is what may end a labelled line without being part of its value.
var lineBreakTail = regexp.MustCompile(`(?:\s*(?:<br\s*/?>|</p>|\\)\s*)+$`)

// labelledLine splits the first line of text into its bold label and its value.
func labelledLine(text []byte) (label, value []byte, ok bool) {
	line := text
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	label, value, _, ok = splitLabelled(line)
	return label, value, ok
}

// splitLabelled splits one line into label and value, and gives the offset of the value in the
// line so that a diagnostic can point at it.
func splitLabelled(line []byte) (label, value []byte, valueAt int, ok bool) {
	m := labelledValue.FindSubmatchIndex(line)
	if m == nil {
		return nil, nil, 0, false
	}
	l, v := 2, 4
	if m[l] < 0 {
		l, v = 6, 8
	}
	label = line[m[l]:m[l+1]]
	value = line[m[v]:m[v+1]]
	if t := lineBreakTail.FindIndex(value); t != nil {
		value = value[:t[0]]
	}
	return label, value, m[v], true
}
