// Command wasmsize tells what a Go WebAssembly binary spends its bytes on: the size of each
// section, and the code of each Go package, read from the name section. `go tool nm` does not
// read wasm. Build without -ldflags='-s -w' so that the name section is there:
//
//	GOOS=js GOARCH=wasm go build -o /tmp/cw.wasm ./wasm && go run ./bench/wasmsize /tmp/cw.wasm
package main

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
)

func main() {
	top := flag.Int("top", 40, "how many packages to list")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-top N] file.wasm")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	m, err := parse(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
	m.print(*top)
}

// module is what wasmsize reads of a binary.
type module struct {
	sections   []section
	imports    int      // imported functions, which come first in the function index space
	bodies     []int    // size of each function body, in code section order
	names      []string // function names by function index, "" when unnamed
	hasNameSec bool
}

type section struct {
	name string
	size int
}

var sectionNames = map[byte]string{
	0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
	7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount",
}

func parse(data []byte) (*module, error) {
	if len(data) < 8 || !bytes.Equal(data[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly binary")
	}
	m := &module{}
	r := reader{b: data, off: 8}
	for r.off < len(data) {
		id := r.byte()
		size := r.uint()
		body := reader{b: data[r.off : r.off+size]}
		name := sectionNames[id]
		switch id {
		case 0:
			custom := body.name()
			name = "custom " + custom
			if custom == "name" {
				m.readNames(body)
			}
		case 2:
			m.readImports(body)
		case 10:
			for range body.uint() {
				n := body.uint()
				m.bodies = append(m.bodies, n)
				body.off += n
			}
		}
		m.sections = append(m.sections, section{name, size})
		r.off += size
	}
	return m, r.err
}

func (m *module) readImports(r reader) {
	for range r.uint() {
		r.name()
		r.name()
		switch kind := r.byte(); kind {
		case 0: // function
			r.uint()
			m.imports++
		case 1: // table
			r.byte()
			if r.byte()&1 != 0 {
				r.uint()
			}
			r.uint()
		case 2: // memory
			if r.byte()&1 != 0 {
				r.uint()
			}
			r.uint()
		case 3: // global
			r.off += 2
		}
	}
}

func (m *module) readNames(r reader) {
	m.hasNameSec = true
	for r.off < len(r.b) {
		sub := r.byte()
		size := r.uint()
		end := r.off + size
		if sub == 1 { // function names
			for range r.uint() {
				index := r.uint()
				for len(m.names) <= index {
					m.names = append(m.names, "")
				}
				m.names[index] = r.name()
			}
		}
		r.off = end
	}
}

// domain is the host part of a module path as the linker writes it: slashes become '_'.
var domain = regexp.MustCompile(`^[a-z0-9-]+(\.[a-z0-9-]+)+_`)

// packageOf returns the Go package of a function name such as
// "github.com_yuin_goldmark_parser.__parser_.Parse" or "runtime.mallocgc".
func packageOf(fn string) string {
	host := domain.FindString(fn)
	rest := fn[len(host):]
	if i := strings.IndexByte(rest, '.'); i >= 0 {
		rest = rest[:i]
	}
	return strings.ReplaceAll(host+rest, "_", "/")
}

func (m *module) print(top int) {
	total := 0
	for _, s := range m.sections {
		total += s.size
	}
	fmt.Printf("%-28s %10d bytes\n", "file (sections)", total)
	for _, s := range m.sections {
		fmt.Printf("  %-26s %10d\n", s.name, s.size)
	}
	if !m.hasNameSec {
		fmt.Println("\nno name section: build without -ldflags='-s -w' to see the code by package")
		return
	}
	byPackage := map[string]int{}
	code := 0
	for i, n := range m.bodies {
		name := ""
		if j := m.imports + i; j < len(m.names) {
			name = m.names[j]
		}
		byPackage[packageOf(name)] += n
		code += n
	}
	type row struct {
		pkg  string
		size int
	}
	var rows []row
	for p, n := range byPackage {
		rows = append(rows, row{p, n})
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(b.size, a.size) })
	fmt.Printf("\ncode by package (%d bytes of function bodies)\n", code)
	for _, r := range rows[:min(top, len(rows))] {
		fmt.Printf("  %-60s %9d  %4.1f%%\n", r.pkg, r.size, 100*float64(r.size)/float64(code))
	}
}

// reader reads the LEB128 integers and names of the binary format.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) byte() byte {
	if r.off >= len(r.b) {
		r.err = errors.New("truncated")
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) uint() int {
	v, n := binary.Uvarint(r.b[min(r.off, len(r.b)):])
	if n <= 0 {
		r.err = errors.New("bad integer")
		r.off = len(r.b)
		return 0
	}
	r.off += n
	return int(v)
}

func (r *reader) name() string {
	n := r.uint()
	end := min(r.off+n, len(r.b))
	s := string(r.b[r.off:end])
	r.off = end
	return s
}
