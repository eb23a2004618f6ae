import type { BenchResults, TargetResult } from "./results-schema";
import { round } from "./targets";

const fmt = (value: number | null, unit = "") =>
  value === null ? "—" : `${round(value).toLocaleString("en-US")}${unit ? ` ${unit}` : ""}`;

function targetText(result: TargetResult): string {
  const unit = result.judged === "ratio" ? "×" : ` ${result.unit}`;
  return `${result.target.op} ${result.target.value}${unit}${result.judged === "ratio" ? " (ratio)" : ""}`;
}

/** The results as a Markdown table: readable in a terminal and pasted as is into the README. */
export function summaryTable(results: BenchResults): string {
  const met = results.targets.filter((target) => target.met).length;
  const lines = [
    `Benchmark (${results.size}, median of ${results.runs} interleaved runs, ${results.machine.cpus} CPUs, Node ${results.machine.node}, ${results.finishedAt.slice(0, 10)}): ` +
      `${results.graph.nodes.toLocaleString("en-US")} nodes, ${results.graph.relationships.toLocaleString("en-US")} relationships, supernode of ${results.graph.supernodeDegree.toLocaleString("en-US")}. ` +
      `${met} of ${results.targets.length} targets met.`,
    "",
    "| target | figure | anchor | ratio | target | met | why missed |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...results.targets.map((target) =>
      [
        target.title,
        fmt(target.figure, target.unit),
        target.anchor ? `${fmt(target.anchor.figure, target.unit)} (${target.anchor.label})` : "—",
        target.ratio === null ? "—" : `${round(target.ratio)}×`,
        targetText(target),
        target.met ? "yes" : "**no**",
        target.why ?? "",
      ]
        .map((cell) => cell.replaceAll("|", "\\|"))
        .join(" | ")
        .replace(/^/, "| ")
        .concat(" |"),
    ),
  ];
  if (results.skipped.length > 0) {
    lines.push("", ...results.skipped.map((skip) => `- not run: ${skip.part}: ${skip.reason}`));
  }
  return lines.join("\n");
}
