/** The slice of the seed's model the synthetic graph uses (GRAPH-MODEL.md): four labels, the seed's relationship types. */
export const BENCH_LABELS = ["Company", "Chip", "Product", "Source"] as const;
export type BenchLabel = (typeof BENCH_LABELS)[number];

/** Share of the regular nodes per label. */
export const LABEL_SHARES: Readonly<Record<BenchLabel, number>> = {
  Company: 0.3,
  Chip: 0.15,
  Product: 0.45,
  Source: 0.1,
};

export interface RelationshipKind {
  type: string;
  from: BenchLabel;
  to: BenchLabel;
  /** Share of the regular relationships. */
  weight: number;
  /** The claim in French (the evidence) and in English; {from} and {to} are node names. */
  fr: string;
  en: string;
}

export const RELATIONSHIP_KINDS: readonly RelationshipKind[] = [
  {
    type: "SOURCES_FROM",
    from: "Company",
    to: "Company",
    weight: 0.12,
    fr: "{from} s'approvisionne auprès de {to}.",
    en: "{from} sources from {to}.",
  },
  {
    type: "MAKES",
    from: "Company",
    to: "Chip",
    weight: 0.12,
    fr: "{from} fabrique la puce {to}.",
    en: "{from} makes the {to} chip.",
  },
  {
    type: "ORDERED",
    from: "Company",
    to: "Chip",
    weight: 0.06,
    fr: "{from} aurait commandé des {to}.",
    en: "{from} reportedly ordered {to} chips.",
  },
  {
    type: "PREVIOUSLY_USED",
    from: "Company",
    to: "Chip",
    weight: 0.06,
    fr: "{from} utilisait auparavant la puce {to}.",
    en: "{from} previously used the {to}.",
  },
  {
    type: "DEVELOPS",
    from: "Company",
    to: "Product",
    weight: 0.25,
    fr: "{from} développe {to}.",
    en: "{from} develops {to}.",
  },
  { type: "OWNS", from: "Company", to: "Product", weight: 0.08, fr: "{from} possède {to}.", en: "{from} owns {to}." },
  {
    type: "CO_DEVELOPS",
    from: "Company",
    to: "Product",
    weight: 0.08,
    fr: "{from} codévelopperait {to}.",
    en: "{from} reportedly co-develops {to}.",
  },
  {
    type: "REPORTEDLY_OUTPERFORMS",
    from: "Chip",
    to: "Chip",
    weight: 0.05,
    fr: "La puce {from} surpasserait {to}.",
    en: "The {from} reportedly outperforms the {to}.",
  },
  {
    type: "COULD_IMPROVE",
    from: "Chip",
    to: "Product",
    weight: 0.1,
    fr: "La puce {from} pourrait améliorer {to}.",
    en: "The {from} could improve {to}.",
  },
  { type: "CITES", from: "Source", to: "Source", weight: 0.08, fr: "{from} cite {to}.", en: "{from} cites {to}." },
];

/** How a relationship from a Company to a node of each label reads, for the supernode and the ten-neighbour node. */
export const COMPANY_LINK: Readonly<Record<Exclude<BenchLabel, "Source">, string>> = {
  Company: "SOURCES_FROM",
  Chip: "MAKES",
  Product: "DEVELOPS",
};

/** The Source node that marks a database as holding a generated graph (and says which). */
export const MARKER_ID = "bench-generator";
export const SUPERNODE_ID = "bench-supernode";
export const TEN_NEIGHBOURS_ID = "bench-ten-neighbours";

/** Bumped whenever the generator's output changes, so an old load is never taken for a new one. */
export const GENERATOR_VERSION = 1;
