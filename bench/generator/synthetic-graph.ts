import {
  BENCH_LABELS,
  type BenchLabel,
  COMPANY_LINK,
  LABEL_SHARES,
  MARKER_ID,
  RELATIONSHIP_KINDS,
  type RelationshipKind,
  SUPERNODE_ID,
  TEN_NEIGHBOURS_ID,
} from "./bench-model";
import { type SeededRandom, seededRandom } from "./seeded-random";
import { syntheticName } from "./synthetic-names";

export interface GraphSpec {
  nodes: number;
  relationships: number;
  seed: number;
  /** Add the supernode, the ten-neighbour node and the marker (the browser bench draws plain graphs). */
  specialNodes: boolean;
}

export interface BenchNode {
  id: string;
  label: BenchLabel;
  name: string;
}

export interface Provenance {
  sources: string[];
  evidence: string;
  evidence_en: string;
  certainty: "confirmed" | "reported" | "speculative";
  asOf: string;
}

export interface BenchRelationship {
  id: string;
  type: string;
  from: BenchNode;
  to: BenchNode;
  props: Provenance;
}

export interface SyntheticGraph {
  spec: GraphSpec;
  /** Special nodes first (marker, supernode, ten-neighbour node), then the regular ones. */
  nodes: readonly BenchNode[];
  /** A fresh, identical sequence on every call, made lazily: a million relationships never sit in memory at once. */
  relationships(): Generator<BenchRelationship>;
  /** The node with the most relationships (100,000 when the graph is big enough), or null without special nodes. */
  supernode: { id: string; degree: number } | null;
  tenNeighbours: { id: string; degree: number } | null;
}

export const SUPERNODE_FULL_DEGREE = 100_000;
const TEN = 10;
/** Share of the endpoints drawn by degree (preferential attachment); the rest uniformly, so no node stays alone. */
const PREFERENTIAL_SHARE = 0.75;
const CERTAINTIES = ["confirmed", "confirmed", "reported", "reported", "speculative"] as const;

/** The supernode takes 10% of the relationships, up to 100,000: a 1M-relationship graph has the full one. */
export function supernodeDegree(relationships: number): number {
  return Math.min(SUPERNODE_FULL_DEGREE, Math.floor(relationships / 10));
}

/**
 * A deterministic graph in the seed's model: same spec, same graph. Degrees follow a power law
 * (preferential attachment within each label); provenance on every relationship.
 */
export function syntheticGraph(spec: GraphSpec): SyntheticGraph {
  const specials = spec.specialNodes ? 3 : 0;
  const specialLinks = spec.specialNodes ? supernodeDegree(spec.relationships) + TEN : 0;
  if (spec.nodes < specials + 2 * TEN) throw new Error(`--nodes must be at least ${specials + 2 * TEN}`);
  if (spec.relationships < specialLinks) throw new Error("--rels is too small for the special nodes");

  const nodeRandom = seededRandom(spec.seed);
  const regular = regularNodes(spec.nodes - specials, nodeRandom);
  const special: BenchNode[] = spec.specialNodes
    ? [
        { id: MARKER_ID, label: "Source", name: "Synthetic benchmark generator" },
        { id: SUPERNODE_ID, label: "Company", name: "Supernode Holdings" },
        { id: TEN_NEIGHBOURS_ID, label: "Company", name: "Ten Neighbours Ltd" },
      ]
    : [];
  const nodes = [...special, ...regular];

  return {
    spec,
    nodes,
    supernode: spec.specialNodes ? { id: SUPERNODE_ID, degree: supernodeDegree(spec.relationships) } : null,
    tenNeighbours: spec.specialNodes ? { id: TEN_NEIGHBOURS_ID, degree: TEN } : null,
    relationships: () => relationshipSequence(spec, regular, special),
  };
}

function regularNodes(count: number, random: SeededRandom): BenchNode[] {
  const nodes: BenchNode[] = [];
  const counters = new Map<BenchLabel, number>();
  for (let index = 0; index < count; index += 1) {
    const label = weightedLabel(random.next());
    const n = (counters.get(label) ?? 0) + 1;
    counters.set(label, n);
    nodes.push({ id: `${label.toLowerCase()}-${n}`, label, name: syntheticName(label, random) });
  }
  return nodes;
}

function weightedLabel(draw: number): BenchLabel {
  let sum = 0;
  for (const label of BENCH_LABELS) {
    sum += LABEL_SHARES[label];
    if (draw < sum) return label;
  }
  return "Product";
}

function* relationshipSequence(
  spec: GraphSpec,
  regular: readonly BenchNode[],
  special: readonly BenchNode[],
): Generator<BenchRelationship> {
  const random = seededRandom(spec.seed ^ 0x9e3779b9);
  const sourceIds = regular.filter((node) => node.label === "Source").map((node) => node.id);
  const provenance = (kind: { fr: string; en: string }, from: BenchNode, to: BenchNode): Provenance => {
    const cited = sourceIds.length > 0 ? random.pick(sourceIds) : undefined;
    const fill = (text: string) => text.replace("{from}", from.name).replace("{to}", to.name);
    return {
      sources: special[0] ? [special[0].id, ...(cited ? [cited] : [])] : cited ? [cited] : [],
      evidence: fill(kind.fr),
      evidence_en: fill(kind.en),
      certainty: random.pick(CERTAINTIES),
      asOf: String(2015 + random.below(10)),
    };
  };
  let serial = 0;
  const relationship = (kind: { type: string; fr: string; en: string }, from: BenchNode, to: BenchNode) => {
    serial += 1;
    return { id: `bench-r-${serial}`, type: kind.type, from, to, props: provenance(kind, from, to) };
  };

  const linkable = regular.filter((node) => node.label !== "Source");
  const [, supernode, tenNode] = special;
  if (supernode && tenNode) {
    // Distinct neighbours, walked with a stride so they spread over every label and degree.
    const stride = coprimeStride(linkable.length);
    const degree = supernodeDegree(spec.relationships);
    for (let k = 0; k < degree; k += 1) {
      const to = linkable[(k * stride) % linkable.length] as BenchNode;
      yield relationship(companyLink(to), supernode, to);
    }
    for (let k = 0; k < TEN; k += 1) {
      const to = linkable[(Math.floor(linkable.length / 2) + k * stride) % linkable.length] as BenchNode;
      yield relationship(companyLink(to), tenNode, to);
    }
  }

  const pools = new Map<BenchLabel, { nodes: BenchNode[]; endpoints: BenchNode[] }>(
    BENCH_LABELS.map((label) => [label, { nodes: [], endpoints: [] }]),
  );
  for (const node of regular) pools.get(node.label)?.nodes.push(node);
  const kinds = RELATIONSHIP_KINDS.filter(
    (kind) => (pools.get(kind.from)?.nodes.length ?? 0) > 0 && (pools.get(kind.to)?.nodes.length ?? 0) > 1,
  );
  const totalWeight = kinds.reduce((sum, kind) => sum + kind.weight, 0);
  const draw = (label: BenchLabel) => {
    const pool = pools.get(label) as { nodes: BenchNode[]; endpoints: BenchNode[] };
    const byDegree = pool.endpoints.length > 0 && random.next() < PREFERENTIAL_SHARE;
    return byDegree ? random.pick(pool.endpoints) : random.pick(pool.nodes);
  };
  const regularCount = spec.relationships - serial;
  for (let k = 0; k < regularCount; k += 1) {
    const kind = weightedKind(kinds, random.next() * totalWeight);
    const from = draw(kind.from);
    let to = draw(kind.to);
    while (to === from) to = random.pick(pools.get(kind.to)?.nodes ?? []);
    pools.get(kind.from)?.endpoints.push(from);
    pools.get(kind.to)?.endpoints.push(to);
    yield relationship(kind, from, to);
  }
}

function weightedKind(kinds: readonly RelationshipKind[], draw: number): RelationshipKind {
  let sum = 0;
  for (const kind of kinds) {
    sum += kind.weight;
    if (draw < sum) return kind;
  }
  return kinds[kinds.length - 1] as RelationshipKind;
}

function companyLink(to: BenchNode): { type: string; fr: string; en: string } {
  const type = COMPANY_LINK[to.label as keyof typeof COMPANY_LINK];
  return RELATIONSHIP_KINDS.find((kind) => kind.type === type) as RelationshipKind;
}

/** A step coprime with n, near n·0.618, so k·step mod n visits every index once before repeating. */
function coprimeStride(n: number): number {
  let step = Math.max(1, Math.floor(n * 0.618));
  while (gcd(step, n) !== 1) step += 1;
  return step;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
