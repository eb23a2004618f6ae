import type { Driver } from "neo4j-driver";
import { GENERATOR_VERSION, MARKER_ID } from "./bench-model";
import type { GraphSpec } from "./synthetic-graph";

/** What the target database holds: nothing, a generated graph (and which), or someone's real data. */
export type TargetContents =
  | { kind: "empty" }
  | { kind: "bench"; loaded: LoadedSpec | null; nodes: number }
  | { kind: "foreign"; nodes: number; example: string | null };

export interface LoadedSpec extends Omit<GraphSpec, "specialNodes"> {
  version: number;
}

const INSPECT_QUERY = `
CALL { MATCH (n) RETURN count(n) AS nodes }
OPTIONAL MATCH (marker:Source {id: $markerId})
OPTIONAL MATCH (other) WHERE other.id IS NOT NULL AND NOT other.id STARTS WITH 'bench-'
  AND NOT other.id =~ '(company|chip|product|source)-[0-9]+'
WITH nodes, marker, other LIMIT 1
RETURN nodes, marker {.*} AS marker, other.id AS example`;

/** Reads what the target holds; a node the generator never writes (the seed's `bytedance`) makes it foreign. */
export async function inspectTarget(driver: Driver, database: string): Promise<TargetContents> {
  const { records } = await driver.executeQuery(INSPECT_QUERY, { markerId: MARKER_ID }, { database });
  const record = records[0];
  const nodes = Number(record?.get("nodes") ?? 0);
  const marker = record?.get("marker") as Record<string, unknown> | null;
  const example = (record?.get("example") as string | null) ?? null;
  if (nodes === 0) return { kind: "empty" };
  if (!marker || example !== null) return { kind: "foreign", nodes, example };
  return { kind: "bench", nodes, loaded: marker.complete === true ? loadedSpec(marker) : null };
}

function loadedSpec(marker: Record<string, unknown>): LoadedSpec {
  return {
    nodes: Number(marker.specNodes),
    relationships: Number(marker.specRelationships),
    seed: Number(marker.specSeed),
    version: Number(marker.generatorVersion),
  };
}

export function sameSpec(loaded: LoadedSpec | null, spec: GraphSpec): boolean {
  return (
    loaded !== null &&
    loaded.version === GENERATOR_VERSION &&
    loaded.nodes === spec.nodes &&
    loaded.relationships === spec.relationships &&
    loaded.seed === spec.seed
  );
}
