import type { Certainty, ClaimStance } from "../../../contract/graph-contract";
import type { SummarisedClaim } from "./claim-summary";

/** A `Claim` node's properties (plain values) as the summary reads them. */
export function storedClaimOf(props: Record<string, unknown>): SummarisedClaim {
  const text = (key: string) => (typeof props[key] === "string" ? (props[key] as string) : null);
  return {
    id: String(props.id),
    stance: props.stance as ClaimStance,
    certainty: props.certainty as Certainty,
    quote: String(props.quote),
    quoteLang: String(props.quoteLang),
    quoteEn: text("quoteEn"),
    quantities: JSON.parse(text("quantities") ?? "{}") as Record<string, number>,
    reportedAt: String(props.reportedAt),
    sourceId: String(props.sourceId),
    articleSourceId: text("articleSourceId"),
    articleId: text("articleId"),
    republishes: text("republishes"),
    position: Number(props.position ?? 0),
  };
}
