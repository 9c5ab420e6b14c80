// Command casegen writes testdata/bench/large-case-study.md, a long, complete architecture
// case study (about 100 KB) for the render benchmarks. The output is deterministic.
//
//	go run ./render/internal/casegen > testdata/bench/large-case-study.md
package main

import (
	"fmt"
	"math/rand"
	"os"
	"strings"
)

var (
	systems   = []string{"Checkout", "Search", "Payments", "Recommendations", "Messaging", "Identity", "Inventory", "Streaming", "Analytics", "Notifications", "Billing", "Catalog"}
	stores    = []string{"Cassandra", "PostgreSQL", "DynamoDB", "Redis", "Kafka", "Elasticsearch", "Spanner", "CockroachDB", "S3", "BigQuery"}
	patterns  = []string{"Circuit Breaker", "CQRS", "Event Sourcing", "Saga", "Sharding", "Bulkhead", "Outbox", "Strangler Fig", "Rate Limiting", "Cell-Based Architecture"}
	kinds     = []string{"note", "tip", "info", "warning", "success", "question", "danger", "example", "quote", "abstract", "failure", "bug"}
	verbs     = []string{"reduced", "cut", "improved", "doubled", "stabilised", "simplified", "isolated", "sped up"}
	languages = []string{"go", "python", "yaml", "sql", "java"}
)

func main() {
	rng := rand.New(rand.NewSource(42))
	var b strings.Builder
	fmt.Fprintf(&b, "# Acme Global Commerce Platform Architecture\n\n")
	for part := 0; b.Len() < 100_000; part++ {
		sys := systems[part%len(systems)]
		writePart(&b, rng, part, sys)
	}
	b.WriteString("!!! info \"About This Case Study\"\n    Sources: public engineering blog posts and conference talks.\n    Last reviewed: 2024-05-01.\n")
	os.Stdout.WriteString(b.String())
}

func pick(rng *rand.Rand, list []string) string { return list[rng.Intn(len(list))] }

func writePart(b *strings.Builder, rng *rand.Rand, part int, sys string) {
	fmt.Fprintf(b, "## %s: At a Glance\n\n", sys)
	b.WriteString("| Metric | Value | Context |\n|--------|-------|---------|\n")
	for _, m := range []string{"Scale", "Data Volume", "Availability", "Latency", "Team Size", "Timeline"} {
		fmt.Fprintf(b, "| **%s** | %d%s | %s of the %s tier |\n", m, rng.Intn(900)+100, pick(rng, []string{"M users", " TB", ".9%", "ms p99", " engineers", " months"}), pick(rng, verbs), strings.ToLower(sys))
	}
	fmt.Fprintf(b, "\n## %s: The Challenge\n\n**%s needed to serve %dM requests a day with p99 under %dms.**\n\n", sys, sys, rng.Intn(900)+10, rng.Intn(200)+20)
	fmt.Fprintf(b, "The previous design kept everything in one %s cluster; during peak events the write path saturated and failovers took minutes. See [the incident log][incidents-%d] and the ==mark== of H~2~O and E = mc^2^.\n\n", pick(rng, stores), part)
	fmt.Fprintf(b, "## %s: Architecture Overview\n\n```mermaid\ngraph TB\n", sys)
	for i := 0; i < 6; i++ {
		fmt.Fprintf(b, "    N%d[%s %d] --> N%d[%s]\n", i, pick(rng, stores), i, i+1, pick(rng, systems))
	}
	b.WriteString("```\n\n")
	fmt.Fprintf(b, "## %s: Key Architectural Decisions\n\n| Decision | Choice | Trade-offs | Impact |\n|----------|--------|------------|--------|\n", sys)
	for i := 0; i < 4; i++ {
		fmt.Fprintf(b, "| **%s** | %s | %s for %s | %d%% %s |\n", pick(rng, patterns), pick(rng, stores), pick(rng, []string{"Consistency", "Cost", "Complexity"}), pick(rng, []string{"availability", "latency", "throughput"}), rng.Intn(90)+5, pick(rng, verbs))
	}
	fmt.Fprintf(b, "\n## %s: Patterns Applied\n\n", sys)
	for i := 0; i < 4; i++ {
		p := pick(rng, patterns)
		fmt.Fprintf(b, "- [%s](../pattern-library/%s/index.md): %s the blast radius by %d%%\n", p, strings.ToLower(strings.ReplaceAll(p, " ", "-")), pick(rng, verbs), rng.Intn(80)+10)
	}
	kind := kinds[part%len(kinds)]
	fmt.Fprintf(b, "\n!!! %s \"Why %s\"\n    The team measured %d candidate designs.\n\n    ```%s\n    replicas: %d\n    ```\n\n", kind, pick(rng, patterns), rng.Intn(9)+2, pick(rng, languages), rng.Intn(9)+1)
	fmt.Fprintf(b, "=== \"Before\"\n\n    - One region\n    - Manual failover (%d min)\n\n=== \"After\"\n\n    - Three regions\n    - Automatic failover (%d s)\n\n", rng.Intn(50)+5, rng.Intn(50)+5)
	fmt.Fprintf(b, "## %s: Evolution Timeline\n\n```mermaid\ntimeline\n    title %s evolution\n", sys, sys)
	for y := 2015 + part%3; y < 2024; y += 2 {
		fmt.Fprintf(b, "    %d : %s\n         : %dK users\n", y, pick(rng, patterns), rng.Intn(900)+10)
	}
	b.WriteString("```\n\n")
	fmt.Fprintf(b, "## %s: Operational Excellence\n\n### Monitoring & Observability\n\n| Layer | Tools | Key Metrics |\n|-------|-------|-------------|\n", sys)
	for _, l := range []string{"Infrastructure", "Application", "Business"} {
		fmt.Fprintf(b, "| **%s** | %s | %s |\n", l, pick(rng, []string{"Prometheus + Grafana", "Datadog APM", "OpenTelemetry"}), pick(rng, []string{"CPU, memory", "Error rate, latency", "Revenue, conversion"}))
	}
	fmt.Fprintf(b, "\n### Incident Response\n\n- **MTTR**: %d minutes\n- **On-call rotation**: 24/7 coverage\n- [x] Runbooks automated\n- [ ] Chaos drills every quarter\n\n", rng.Intn(50)+5)
	fmt.Fprintf(b, "??? question \"What would we change?\"\n    Move the %s path to %s earlier; press ++ctrl+c++ to copy the config.\n\n", strings.ToLower(sys), pick(rng, stores))
	fmt.Fprintf(b, "## %s: Lessons Learned\n\n", sys)
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(b, "%d. **%s early.** Teams that %s their %s saw %d%% fewer pages.\n", i, pick(rng, []string{"Measure", "Shard", "Cache", "Isolate"}), pick(rng, verbs), strings.ToLower(pick(rng, systems)), rng.Intn(60)+10)
	}
	fmt.Fprintf(b, "\n> The best outage is the one that stays inside one cell. (c) %s team\n\n[incidents-%d]: https://example.com/incidents/%d\n\n", sys, part, part)
}
