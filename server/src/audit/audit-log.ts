import { randomUUID } from "node:crypto";
import type { AuditEvent, AuditQuery } from "../../../contract/auth-endpoints";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { neo4jInt } from "../neo4j/to-neo4j-params";
import { toPlainValue } from "../neo4j/to-plain-value";
import { AUDIT_SCHEMA, LIST_EVENTS_QUERY, RECORD_EVENT_QUERY } from "./audit-queries";

export interface AuditEntry {
  actor: string;
  address: string;
  action: string;
  status: number;
  summary: string;
}

/** A date alone (2026-12-04) as a bound: the day's first instant, or its last for `to`. */
export function dayBound(value: string | undefined, end: boolean): string | null {
  if (value === undefined) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T${end ? "23:59:59.999" : "00:00:00"}Z`;
  return value;
}

/** Appends to and reads the audit trail in Neo4j. */
export class AuditLog {
  constructor(private readonly database: Neo4jDatabase) {}

  async ensureSchema(): Promise<void> {
    for (const statement of AUDIT_SCHEMA) await this.database.write((tx) => tx.run(statement));
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.database.write((tx) =>
      tx.run(RECORD_EVENT_QUERY, {
        id: randomUUID(),
        actor: entry.actor.slice(0, 200),
        address: entry.address.slice(0, 100),
        action: entry.action.slice(0, 200),
        status: neo4jInt(entry.status),
        summary: entry.summary.slice(0, 2000),
      }),
    );
  }

  async list(query: AuditQuery, signal?: AbortSignal): Promise<AuditEvent[]> {
    const params = {
      actor: query.actor || null,
      action: query.action || null,
      from: dayBound(query.from, false),
      to: dayBound(query.to, true),
      limit: neo4jInt(query.limit),
    };
    const { records } = await this.database.read(LIST_EVENTS_QUERY, params, signal);
    return records.map((record) => ({
      id: record.get("id") as string,
      at: record.get("at") as string,
      actor: record.get("actor") as string,
      address: record.get("address") as string,
      action: record.get("action") as string,
      status: Number(toPlainValue(record.get("status"))),
      summary: record.get("summary") as string,
    }));
  }
}

const CSV_COLUMNS = ["at", "actor", "address", "action", "status", "summary"] as const;

/**
 * RFC 4180 CSV: every field quoted, quotes doubled. A field a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) gets a leading apostrophe (OWASP's CSV injection advice).
 */
export function auditCsv(events: readonly AuditEvent[]): string {
  const field = (value: string | number): string => {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replaceAll('"', '""')}"`;
  };
  const lines = [CSV_COLUMNS.join(","), ...events.map((event) => CSV_COLUMNS.map((c) => field(event[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
