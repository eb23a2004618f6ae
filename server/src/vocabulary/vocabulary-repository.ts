import type { Record as Neo4jRecord } from "neo4j-driver";
import {
  type AddRelationshipTypeRequest,
  addRelationshipTypeRequestSchema,
  type EditRelationshipTypeRequest,
  editRelationshipTypeRequestSchema,
  type RelationshipType,
} from "../../../contract/vocabulary-endpoints";
import { AppError, notFound } from "../errors/app-error";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { toPlainValue } from "../neo4j/to-plain-value";
import { type BuiltInType, builtInTypes } from "./built-in-types";
import {
  ADD_TYPE_QUERY,
  COUNT_TYPES_QUERY,
  EDIT_TYPE_QUERY,
  LIST_TYPES_QUERY,
  TYPE_COUNTS_FROM_STATS_QUERY,
} from "./vocabulary-queries";

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/** A stored type without its count; the built-in's lexicon phrases come from the files. */
function fromRecord(record: Neo4jRecord, builtIns: ReadonlyMap<string, BuiltInType>): RelationshipType {
  const name = String(record.get("name"));
  const builtIn = builtIns.get(name);
  return {
    name,
    description: String(record.get("description") ?? ""),
    direction: String(record.get("direction") ?? ""),
    subjectLabels: strings(record.get("subjectLabels")),
    objectLabels: strings(record.get("objectLabels")),
    triggers: { fr: strings(record.get("triggersFr")), en: strings(record.get("triggersEn")) },
    lexiconTriggers: builtIn?.lexiconTriggers ?? { fr: [], en: [] },
    builtIn: builtIn !== undefined || record.get("builtIn") === true,
    createdBy: String(record.get("createdBy") ?? ""),
    createdAt: (record.get("createdAt") as string | null) ?? null,
    relationships: 0,
  };
}

/** A built-in type the database has not stored (a graph seeded before the vocabulary existed). */
const unstored = (type: BuiltInType): RelationshipType => ({
  ...type,
  triggers: { fr: [], en: [] },
  builtIn: true,
  createdBy: "built-in",
  createdAt: null,
  relationships: 0,
});

/** The properties a built-in type is stored with (npm run db:seed, or its first edit). */
export function builtInProperties(type: BuiltInType): Record<string, unknown> {
  return {
    description: type.description,
    direction: type.direction,
    subjectLabels: type.subjectLabels,
    objectLabels: type.objectLabels,
    triggersFr: [],
    triggersEn: [],
    builtIn: true,
    createdBy: "built-in",
  };
}

/**
 * The vocabulary of relationship types in Neo4j: reads in READ transactions, adds and edits in
 * write transactions. The built-in types are always part of it, stored or not.
 */
export class VocabularyRepository {
  private readonly builtIns: ReadonlyMap<string, BuiltInType>;

  constructor(
    private readonly database: Neo4jDatabase,
    builtIns: readonly BuiltInType[] = builtInTypes(),
  ) {
    this.builtIns = new Map(builtIns.map((type) => [type.name, type]));
  }

  /** Every type, by name, with the number of relationships of each in the graph. */
  async list(signal?: AbortSignal): Promise<RelationshipType[]> {
    const { records } = await this.database.read(LIST_TYPES_QUERY, {}, signal);
    const byName = new Map(records.map((record) => [String(record.get("name")), fromRecord(record, this.builtIns)]));
    for (const type of this.builtIns.values()) if (!byName.has(type.name)) byName.set(type.name, unstored(type));
    const names = [...byName.keys()].sort();
    const counts = await this.counts(names, signal);
    for (const type of byName.values()) type.relationships = counts.get(type.name) ?? 0;
    return names.map((name) => byName.get(name) as RelationshipType);
  }

  /** Relationships per type: from the count store, else (the procedure refused) counted. */
  private async counts(names: readonly string[], signal?: AbortSignal): Promise<Map<string, number>> {
    const read = async (query: string, params: Record<string, unknown>) => {
      const { records } = await this.database.read(query, params, signal);
      return new Map(
        records.map((record) => [String(record.get("name")), Number(toPlainValue(record.get("relationships")))]),
      );
    };
    try {
      return await read(TYPE_COUNTS_FROM_STATS_QUERY, {});
    } catch (error) {
      if (signal?.aborted) throw error;
      return read(COUNT_TYPES_QUERY, { names });
    }
  }

  /** Stored types with phrases of their own, for the proposals engine (no counts). */
  async withTriggers(signal?: AbortSignal): Promise<RelationshipType[]> {
    const { records } = await this.database.read(LIST_TYPES_QUERY, {}, signal);
    return records
      .map((record) => fromRecord(record, this.builtIns))
      .filter((type) => type.triggers.fr.length > 0 || type.triggers.en.length > 0);
  }

  /** Adds a type; a name already in the vocabulary (stored or built-in) is a 409. */
  async add(input: AddRelationshipTypeRequest): Promise<RelationshipType> {
    const request = addRelationshipTypeRequestSchema.parse(input);
    const taken = () =>
      new AppError(
        "CONFLICT",
        409,
        `The relationship type ${request.name} exists already: edit its description or trigger phrases instead.`,
      );
    if (this.builtIns.has(request.name)) throw taken();
    const record = await this.database.write(async (tx) => {
      const { records } = await tx.run(ADD_TYPE_QUERY, {
        name: request.name,
        props: {
          description: request.description,
          direction: request.direction,
          subjectLabels: request.subjectLabels,
          objectLabels: request.objectLabels,
          triggersFr: request.triggers.fr,
          triggersEn: request.triggers.en,
          builtIn: false,
          createdBy: request.createdBy ?? "analyst",
        },
      });
      return records[0] as Neo4jRecord;
    });
    if (record.get("created") !== true) throw taken();
    return fromRecord(record, this.builtIns);
  }

  /** Replaces a type's description, direction or trigger phrases (those the request sends). */
  async edit(name: string, input: EditRelationshipTypeRequest): Promise<RelationshipType> {
    const request = editRelationshipTypeRequestSchema.parse(input);
    const changes: Record<string, unknown> = {};
    if (request.description !== undefined) changes.description = request.description;
    if (request.direction !== undefined) changes.direction = request.direction;
    if (request.triggers !== undefined) {
      changes.triggersFr = request.triggers.fr;
      changes.triggersEn = request.triggers.en;
    }
    const builtIn = this.builtIns.get(name);
    const record = await this.database.write(async (tx) => {
      const { records } = await tx.run(EDIT_TYPE_QUERY, {
        name,
        builtIn: builtIn ? builtInProperties(builtIn) : null,
        changes,
      });
      return records[0];
    });
    if (!record) throw notFound(`No relationship type is called ${name}: add it first.`);
    const edited = fromRecord(record, this.builtIns);
    edited.relationships = (await this.counts([name])).get(name) ?? 0;
    return edited;
  }
}
