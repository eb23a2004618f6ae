/** The graph's entities as the proposals engine needs them (id, name, aliases, label); sources excluded. */
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import type { KnownEntity } from "./proposal";

const KNOWN_ENTITIES_QUERY = `
MATCH (n:Entity)
WHERE n.id IS NOT NULL AND n.name IS NOT NULL AND NOT n:Source
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases,
       [label IN labels(n) WHERE label <> 'Entity'][0] AS label
LIMIT 50000`;

const KNOWN_SOURCES_QUERY = `
MATCH (s:Source)
WHERE s.id IS NOT NULL
RETURN s.id AS id, coalesce(s.name, s.id) AS name, coalesce(s.aliases, []) AS aliases, coalesce(s.grade, 'F') AS grade
LIMIT 50000`;

/** A Source node already in the graph: a draft attributes to it by id and keeps its grade. */
export interface KnownSource {
  id: string;
  name: string;
  aliases: string[];
  grade: string;
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

export class KnownEntitiesRepository {
  constructor(private readonly database: Neo4jDatabase) {}

  async list(signal?: AbortSignal): Promise<KnownEntity[]> {
    const { records } = await this.database.read(KNOWN_ENTITIES_QUERY, {}, signal);
    return records.map((record) => ({
      id: String(record.get("id")),
      name: String(record.get("name")),
      aliases: stringsOf(record.get("aliases")),
      label: String(record.get("label") ?? "Company"),
    }));
  }

  async sources(signal?: AbortSignal): Promise<KnownSource[]> {
    const { records } = await this.database.read(KNOWN_SOURCES_QUERY, {}, signal);
    return records.map((record) => ({
      id: String(record.get("id")),
      name: String(record.get("name")),
      aliases: stringsOf(record.get("aliases")),
      grade: String(record.get("grade")),
    }));
  }
}
