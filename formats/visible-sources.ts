import type { Graph } from "../contract/graph-contract";

export interface SourceFootnote {
  number: number;
  sourceId: string;
  /** The Source node's name when it is in the graph, else its id. */
  name: string;
  /** Its publication date or year, when known. */
  date: string | null;
  /** Its reliability grade, A (completely reliable) to F (cannot be judged), when known. */
  grade?: string;
  /** Where to read it, when known. */
  url?: string;
}

export interface SourceFootnotes {
  footnotes: SourceFootnote[];
  /** Edge id → the footnote numbers of the sources it cites. */
  edgeNumbers: Map<string, number[]>;
}

function sourceIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" ? [value] : [];
}

/** Numbers every source cited by the graph's edges, in order of first citation. */
export function sourceFootnotes(graph: Graph): SourceFootnotes {
  const sourceNodes = new Map(graph.nodes.map((node) => [node.data.id, node.data]));
  const numbers = new Map<string, number>();
  const footnotes: SourceFootnote[] = [];
  const edgeNumbers = new Map<string, number[]>();
  for (const { data } of graph.edges) {
    const cited = sourceIds(data.props.sources);
    if (cited.length === 0) continue;
    edgeNumbers.set(
      data.id,
      cited.map((sourceId) => {
        const known = numbers.get(sourceId);
        if (known !== undefined) return known;
        const number = footnotes.length + 1;
        numbers.set(sourceId, number);
        const node = sourceNodes.get(sourceId);
        const date = node?.props.published ?? node?.props.date ?? null;
        footnotes.push({
          number,
          sourceId,
          name: node?.caption ?? sourceId,
          date: date === null || date === undefined ? null : String(date),
          ...textProp("grade", node?.props.grade),
          ...textProp("url", node?.props.url),
        });
        return number;
      }),
    );
  }
  return { footnotes, edgeNumbers };
}

/** `{ [key]: text }` when the value is non-empty text, else nothing. */
function textProp<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === "string" && value.trim() !== "" ? ({ [key]: value.trim() } as { [P in K]: string }) : {};
}
