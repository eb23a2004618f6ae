import { type ClaimSummary, claimSummarySchema, type EdgeData } from "../../../contract/graph-contract";

/** Independent sources from which a relationship counts as corroborated. */
export const CORROBORATED_FROM = 2;
/** Independent sources from which a relationship is drawn at its widest. */
export const WIDEST_FROM = 3;

/** Line widths by independent sources (one source keeps the base width); shared with the legend. */
export const SOURCE_WIDTHS = { one: 1.6, two: 3, threePlus: 4.4 } as const;

/** Said after the caption of a contested relationship, on the canvas and in exported images. */
export const CONTESTED_MARK = "⚠ contested";

/** Canvas classes of the claim summary: the stylesheet widens and marks edges by these. */
export const CLAIM_CLASSES = {
  corroborated: "corroborated",
  /** Two independent sources, or three and more. */
  sources2: "sources-2",
  sources3: "sources-3-plus",
  contested: "contested",
} as const;

// Filters and the legend read the summary of every edge after each change: parse each props object once.
const parsedSummaries = new WeakMap<object, ClaimSummary | null>();

/** The claim summary a relationship built from claims carries in its props; undefined for any other. */
export function edgeClaimSummary(data: Pick<EdgeData, "props">): ClaimSummary | undefined {
  let summary = parsedSummaries.get(data.props);
  if (summary === undefined) {
    const parsed = claimSummarySchema.safeParse(data.props);
    summary = parsed.success ? parsed.data : null;
    parsedSummaries.set(data.props, summary);
  }
  return summary ?? undefined;
}

/** The classes that draw a summary: width by independent sources, a mark when contested. */
export function claimClasses(summary: ClaimSummary | undefined): string[] {
  if (!summary) return [];
  const classes: string[] = [];
  if (summary.independentSources >= CORROBORATED_FROM) {
    classes.push(
      CLAIM_CLASSES.corroborated,
      summary.independentSources >= WIDEST_FROM ? CLAIM_CLASSES.sources3 : CLAIM_CLASSES.sources2,
    );
  }
  if (summary.contested) classes.push(CLAIM_CLASSES.contested);
  return classes;
}

/** The `id` property the claims API knows a relationship by; undefined when it has none. */
export function relationshipClaimsId(data: Pick<EdgeData, "props">): string | undefined {
  const id = data.props.id;
  return typeof id === "string" && id !== "" ? id : undefined;
}
