package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// results is everything one run of the harness measured; it is written to bench/results.json.
type results struct {
	Date      string            `json:"date"`
	Machine   machine           `json:"machine"`
	Startup   startupResult     `json:"startup"`
	Transfer  transfer          `json:"transferBeforeReady"`
	Keystroke []keystrokeResult `json:"keystroke"`
	Typing    typingResult      `json:"typing"`
	Renders   []renderResult    `json:"renders"`
	Drafts    draftsResult      `json:"drafts"`
}

// machine is what the figures were measured on.
type machine struct {
	CPUs     int    `json:"cpus"`
	CPU      string `json:"cpu"`
	OS       string `json:"os"`
	Go       string `json:"go"`
	Chromium string `json:"chromium"`
}

func describeMachine(chrome string) machine {
	m := machine{CPUs: runtime.NumCPU(), OS: runtime.GOOS + "/" + runtime.GOARCH, Go: runtime.Version()}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if name, value, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(name) == "model name" {
				m.CPU = strings.TrimSpace(value)
				break
			}
		}
	}
	if out, err := exec.Command(chrome, "--version").Output(); err == nil {
		m.Chromium = strings.TrimSpace(string(out))
	}
	return m
}

func writeResults(path string, res results) error {
	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// printTable writes the results as Markdown tables, the form the README keeps.
func printTable(w io.Writer, res results) {
	ms := func(x float64) string { return fmt.Sprintf("%.1f ms", x) }
	kb := func(n int64) string { return fmt.Sprintf("%.0f KB", float64(n)/1024) }
	medP95 := func(s summary) string { return fmt.Sprintf("%.1f / %.1f ms", s.Median, s.P95) }

	fmt.Fprintf(w, "Measured %s on %d × %s, %s, %s.\n\n", res.Date[:10], res.Machine.CPUs, res.Machine.CPU, res.Machine.Chromium, res.Machine.Go)

	if len(res.Keystroke) > 0 {
		printDocuments(w, res)
	}
	if s := res.Startup; s.ColdReady.N > 0 {
		fmt.Fprintln(w, "| start-up (median, from navigation) | Go core started | first preview | `casewright.ready` |")
		fmt.Fprintln(w, "|---|---|---|---|")
		fmt.Fprintf(w, "| cold: fresh profile (%d runs; WASM downloaded at %s) | %s | %s | %s |\n", s.ColdReady.N, ms(s.ColdWASM.Median), ms(s.ColdCore.Median), ms(s.ColdPreview.Median), ms(s.ColdReady.Median))
		fmt.Fprintf(w, "| warm: service worker and compiled WASM cached (%d visits) | %s | %s | %s |\n\n", s.WarmReady.N, ms(s.WarmCore.Median), ms(s.WarmPreview.Median), ms(s.WarmReady.Median))
		printStages(w, s)
	}
	if t := res.Transfer; t.Total > 0 {
		fmt.Fprintln(w, "| transferred before ready (compressed) | WASM | JavaScript | CSS | other | total |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|")
		fmt.Fprintf(w, "| %d requests | %s | %s | %s | %s | %s |\n\n", t.Requests, kb(t.WASM), kb(t.JavaScript), kb(t.CSS), kb(t.Other), kb(t.Total))
	}
	if ty := res.Typing; ty.Keys > 0 {
		fmt.Fprintln(w, "| steady typing | keys | long tasks (> 50 ms) | longest task | slowest keystroke |")
		fmt.Fprintln(w, "|---|---|---|---|---|")
		fmt.Fprintf(w, "| %.0f s on %s | %d | %d | %s | %s |\n\n", ty.Seconds, ty.Doc, ty.Keys, ty.LongTasks, ms(ty.LongestTaskMs), ms(ty.Keystroke.Max))
	}
	if d := res.Drafts; d.Save.N > 0 {
		fmt.Fprintln(w, "| drafts (median / p95) | |")
		fmt.Fprintln(w, "|---|---|")
		fmt.Fprintf(w, "| save the %s draft (`drafts.save`) | %s |\n", d.Doc, medP95(d.Save))
		fmt.Fprintf(w, "| list %d drafts (`drafts.list`) | %s |\n", d.Drafts, medP95(d.List))
	}
}

// printDocuments writes the table of per-document figures: keystrokes and full renders.
func printDocuments(w io.Writer, res results) {
	medP95 := func(s summary) string { return fmt.Sprintf("%.1f / %.1f ms", s.Median, s.P95) }
	fmt.Fprint(w, "| per document (median / p95) |")
	for _, k := range res.Keystroke {
		fmt.Fprintf(w, " %s |", k.Doc)
	}
	fmt.Fprint(w, "\n|---|")
	for range res.Keystroke {
		fmt.Fprint(w, "---|")
	}
	row := func(name string, cell func(i int) string) {
		fmt.Fprintf(w, "\n| %s |", name)
		for i := range res.Keystroke {
			fmt.Fprintf(w, " %s |", cell(i))
		}
	}
	row(fmt.Sprintf("keystroke → preview and problems (%d keys)", res.Keystroke[0].Total.N), func(i int) string { return medP95(res.Keystroke[i].Total) })
	row("… of which input, before the document changes", func(i int) string { return medP95(res.Keystroke[i].Input) })
	row("… of which the WASM core", func(i int) string { return medP95(res.Keystroke[i].Core) })
	row("… of which showing the problems", func(i int) string { return medP95(res.Keystroke[i].Diagnostics) })
	rendered := func(pick func(renderResult) summary) func(i int) string {
		return func(i int) string {
			if i >= len(res.Renders) {
				return "–"
			}
			return medP95(pick(res.Renders[i]))
		}
	}
	row("full render: markdown-it", rendered(func(r renderResult) summary { return r.MarkdownIt }))
	row("full render: marked", rendered(func(r renderResult) summary { return r.Marked }))
	row("full render: Casewright (WASM + sanitiser)", rendered(func(r renderResult) summary { return r.Casewright }))
	fmt.Fprint(w, "\n\n")
}

// printStages writes when each stage of start-up ended, cold and warm, in the cold order.
func printStages(w io.Writer, s startupResult) {
	warm := map[string]float64{}
	for _, st := range s.WarmStages {
		warm[st.Name] = st.At.Median
	}
	fmt.Fprintln(w, "| start-up stage ended (median, from navigation) | cold | warm |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, st := range s.ColdStages {
		w2 := "–"
		if at, ok := warm[st.Name]; ok {
			w2 = fmt.Sprintf("%.0f ms", at)
		}
		fmt.Fprintf(w, "| %s | %.0f ms | %s |\n", st.Name, st.At.Median, w2)
	}
	fmt.Fprintln(w)
}
