/** What the canvas shows, as far as an export's title and "Reproduce:" line are concerned. */
export interface ExportContext {
  /** The last workbench query that drew on the canvas, if any since the graph was loaded. */
  query: {
    text: string;
    params: Record<string, unknown>;
    /** "merge": the result was added to what was drawn; "replace": the canvas showed the result only. */
    mode: "merge" | "replace";
    /** Nodes were added by hand (expand, search) after the query. */
    editedSince: boolean;
  } | null;
  selected: { id: string; caption: string } | null;
  /** Every node drawn is the selected node or one of its neighbours. */
  neighbourhood: boolean;
  /**
   * The link that opens the view shown: a short link to a saved view made for the export
   * (`https://graph.example.org/#saved=<id>`), else the page's address with the view's state, or
   * words saying why there is no link.
   */
  href: string;
}

/** "view" and "whole" for images, "canvas" for data files (always everything drawn). */
export type ExportScope = "view" | "whole" | "canvas";

export interface ExportDescription {
  title: string;
  subtitle: string;
  reproduce: string;
  /** For exportFilename: the selected node's id or "graph", and what the file holds. */
  subject: string;
  what: string;
}

const SCOPE_WORDS: Record<ExportScope, string> = {
  view: "Current view",
  whole: "Whole graph",
  canvas: "Graph on the canvas",
};

/** The title, subtitle, reproduction line and filename words of an export. */
export function describeExport(
  context: ExportContext,
  scope: ExportScope,
  counts: { nodes: number; edges: number },
  date: Date,
): ExportDescription {
  const size = `${plural(counts.nodes, "node")}, ${plural(counts.edges, "relationship")}`;
  // The canvas is the query's result only when it replaced the drawing and nothing was added since.
  const fromQuery = context.query?.mode === "replace" && !context.query.editedSince;
  const around = !fromQuery && context.selected && context.neighbourhood ? context.selected : null;
  const title = fromQuery
    ? `Query result — ${size}`
    : around
      ? `${around.caption} neighbourhood`
      : `Graph Explorer — ${size}`;
  const subtitle = [SCOPE_WORDS[scope], ...(around ? [size] : []), `exported from Graph Explorer ${timestamp(date)}`];
  return {
    title,
    subtitle: subtitle.join(" · "),
    reproduce: context.query ? reproduceQuery(context.query, context.href) : context.href,
    subject: context.selected?.id ?? "graph",
    what: fromQuery ? "query" : around ? "neighbourhood" : scope,
  };
}

/** The view's link, then the query that drew it (one line: the query's own line breaks folded). */
function reproduceQuery(query: NonNullable<ExportContext["query"]>, href: string): string {
  const params = Object.keys(query.params).length > 0 ? ` — parameters ${JSON.stringify(query.params)}` : "";
  const run = `${query.text.trim().replace(/\s*\n\s*/g, " ")}${params}`;
  const after = query.editedSince ? " — then nodes added by hand" : "";
  return query.mode === "replace"
    ? `${href} · drawn by the Cypher workbench: ${run}${after}`
    : `${href} · with the Cypher workbench's result merged in: ${run}${after}`;
}

/** "2026-11-28 14:03 UTC": unambiguous in any reader's country. */
export function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
}

/** True when every node is `id` or linked to it, and there is more than `id` alone. */
export function isNeighbourhood(
  graph: {
    nodes: ReadonlyArray<{ data: { id: string } }>;
    edges: ReadonlyArray<{ data: { source: string; target: string } }>;
  },
  id: string,
): boolean {
  const around = new Set([id]);
  for (const { data } of graph.edges) {
    if (data.source === id) around.add(data.target);
    if (data.target === id) around.add(data.source);
  }
  return graph.nodes.length > 1 && graph.nodes.every((node) => around.has(node.data.id));
}
