// markStartup marks a stage of start-up, "casewright:" + stage, in the page's timeline, where
// the benchmark harness (go run ./bench) reads when each stage ended. The core marks its own.
export function markStartup(stage) {
  performance.mark(`casewright:${stage}`);
}
