package main

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// module builds a WebAssembly module with the given data segments and a data count section.
func module(segments []segment) []byte {
	out := []byte("\x00asm\x01\x00\x00\x00")
	count := binary.AppendUvarint(nil, uint64(len(segments)))
	out = append(append(append(out, sectionDataCount), byte(len(count))), count...)
	data := writeSegments(segments)
	out = append(out, sectionData)
	out = binary.AppendUvarint(out, uint64(len(data)))
	return append(out, data...)
}

// memoryImage is what the segments put in memory.
func memoryImage(t *testing.T, mod []byte) []byte {
	t.Helper()
	var mem []byte
	for off := 8; off < len(mod); {
		id := mod[off]
		size, n := binary.Uvarint(mod[off+1:])
		body := mod[off+1+n : off+1+n+int(size)]
		off += 1 + n + int(size)
		if id != sectionData {
			continue
		}
		segs, err := readSegments(body)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range segs {
			if end := int(s.addr) + len(s.data); end > len(mem) {
				mem = append(mem, make([]byte, end-len(mem))...)
			}
			copy(mem[s.addr:], s.data)
		}
	}
	return mem
}

func TestPackKeepsMemory(t *testing.T) {
	in := module([]segment{
		{addr: 300, data: []byte("third")},
		{addr: 8, data: []byte("first")},
		{addr: 20, data: []byte("second")},  // 7 zero bytes after "first"
		{addr: 100000, data: []byte("far")}, // too far to join
	})
	out, err := pack(in, 4096)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(memoryImage(t, in), memoryImage(t, out)) {
		t.Fatal("packing changed what memory holds")
	}
	if got := bytes.Count(out, []byte{0, 0x41}); got < 2 {
		t.Fatalf("expected the far segment kept apart, got %d segment headers", got)
	}
}

func TestSignedLEB128(t *testing.T) {
	for _, v := range []int64{0, 1, 63, 64, 127, 128, 624485, -1, -64, -65, 1 << 30, -(1 << 31)} {
		got, err := readSLEB128(bytes.NewReader(appendSLEB128(nil, v)))
		if err != nil || got != v {
			t.Errorf("round trip of %d gave %d (%v)", v, got, err)
		}
	}
	// The example of the WebAssembly specification's LEB128 section.
	if got, _ := readSLEB128(bytes.NewReader([]byte{0xC0, 0xBB, 0x78})); got != -123456 {
		t.Errorf("0xC0 0xBB 0x78 read as %d, want -123456", got)
	}
}
