package render

import (
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// bodyIndent is the indentation of the body of a PyMdown block (admonition, details, tab):
// Python-Markdown's tab_length.
const bodyIndent = 4

// continueIndentedBody is the Continue step shared by blocks whose body is indented by
// four columns: blank lines stay inside, an indented line loses its indentation, and any
// other line closes the block.
func continueIndentedBody(reader text.Reader) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	if w, _ := util.IndentWidth(line, reader.LineOffset()); w < bodyIndent {
		return parser.Close
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), bodyIndent)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

// restOfLine returns the current line from the block's first non-space character,
// without its line ending, or nil when the line is blank or indented as code.
func restOfLine(reader text.Reader, pc parser.Context) []byte {
	line, _ := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos >= len(line) || pc.BlockIndent() > 3 {
		return nil
	}
	return util.TrimRightSpace(line[pos:])
}
