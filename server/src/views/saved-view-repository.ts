import { randomUUID } from "node:crypto";
import type { Record } from "neo4j-driver";
import {
  type SavedView,
  type SavedViewSummary,
  type ViewState,
  viewStateSchema,
} from "../../../contract/graph-contract";
import { notFound } from "../errors/app-error";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { neo4jInt } from "../neo4j/to-neo4j-params";
import { toPlainValue } from "../neo4j/to-plain-value";
import { DELETE_VIEW_QUERY, GET_VIEW_QUERY, LIST_VIEWS_QUERY, SAVE_VIEW_QUERY } from "./saved-view-queries";

function toSummary(record: Record): SavedViewSummary {
  return {
    id: record.get("id") as string,
    name: record.get("name") as string,
    nodeCount: Number(toPlainValue(record.get("nodeCount"))),
    createdAt: record.get("createdAt") as string,
    updatedAt: record.get("updatedAt") as string,
  };
}

function toSavedView(record: Record): SavedView {
  return { ...toSummary(record), state: viewStateSchema.parse(JSON.parse(record.get("state") as string)) };
}

/** Named views in Neo4j: reads in READ transactions, saves and deletes in explicit write transactions. */
export class SavedViewRepository {
  constructor(private readonly database: Neo4jDatabase) {}

  async list(signal?: AbortSignal): Promise<SavedViewSummary[]> {
    const { records } = await this.database.read(LIST_VIEWS_QUERY, {}, signal);
    return records.map(toSummary);
  }

  async get(id: string, signal?: AbortSignal): Promise<SavedView> {
    const { records } = await this.database.read(GET_VIEW_QUERY, { id }, signal);
    const record = records[0];
    if (!record) throw notFound(`No saved view has the id "${id}".`);
    return toSavedView(record);
  }

  /** Creates the view, or replaces the one with the same name; says which. */
  async save(request: { name: string; state: ViewState }): Promise<{ view: SavedView; created: boolean }> {
    const record = await this.database.write(async (tx) => {
      const { records } = await tx.run(SAVE_VIEW_QUERY, {
        name: request.name,
        newId: randomUUID(),
        state: JSON.stringify(request.state),
        nodeCount: neo4jInt(request.state.nodes.length),
      });
      return records[0] as Record;
    });
    return { view: toSavedView(record), created: record.get("created") === true };
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.database.write(async (tx) => {
      const { records } = await tx.run(DELETE_VIEW_QUERY, { id });
      return Number(toPlainValue(records[0]?.get("deleted")));
    });
    if (deleted === 0) throw notFound(`No saved view has the id "${id}".`);
  }
}
