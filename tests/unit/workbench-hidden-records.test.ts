/**
 * The workbench's hidden records are classified completely: every label the graph's reads leave
 * out is either hidden from the workbench or readable on purpose, and every key the account,
 * session, key, audit and draft queries write is either refused, or one the graph's own nodes use
 * too (which a query over all nodes can still read: docs/decisions/0010).
 */
import { describe, expect, it } from "vitest";
import * as auditQueries from "../../server/src/audit/audit-queries";
import * as accountQueries from "../../server/src/auth/account-queries";
import { META_LABELS } from "../../server/src/claims/claims-queries";
import {
  GENERIC_RECORD_KEYS,
  RECORD_KEYS,
  SECRET_KEYS,
  WORKBENCH_HIDDEN_LABELS,
  WORKBENCH_READABLE_RECORDS,
} from "../../server/src/cypher/hidden-records";
import * as draftQueries from "../../server/src/drafts/draft-queries";

/** Keys the hidden records share with the graph's nodes: reading them over all nodes is allowed. */
const SHARED_KEYS = ["id", "name", "title", "createdAt", "updatedAt", "at", "label", "status", "locked", "new"];

const queryTexts = (module: object) =>
  Object.values(module).filter((value): value is string => typeof value === "string");

/** `x.key` on the variables those queries give their records (u, s, k, e, d), and keys of `{key: ...}` in their CREATEs. */
function keysWritten(texts: string[]): Set<string> {
  const keys = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/\b[uskde]\.(\w+)/g)) keys.add(match[1] as string);
    for (const create of text.matchAll(/\((?:\w+):(?:AppUser|AuthSession|ApiKey|AuditEvent|Draft)\s*\{([^}]*)\}/g)) {
      for (const key of (create[1] as string).matchAll(/(\w+)\s*:/g)) keys.add(key[1] as string);
    }
  }
  return keys;
}

describe("the workbench's hidden records", () => {
  it("every label the graph's reads leave out is either hidden from the workbench or readable on purpose", () => {
    const classified = new Set([...WORKBENCH_HIDDEN_LABELS, ...WORKBENCH_READABLE_RECORDS]);
    expect(META_LABELS.split("|").filter((label) => !classified.has(label))).toEqual([]);
    expect(WORKBENCH_HIDDEN_LABELS.filter((label) => WORKBENCH_READABLE_RECORDS.includes(label))).toEqual([]);
  });

  it("every key the account, audit and draft queries write is refused or shared with the graph", () => {
    const written = keysWritten([
      ...queryTexts(accountQueries),
      ...queryTexts(auditQueries),
      ...queryTexts(draftQueries),
    ]);
    expect(written.size).toBeGreaterThan(15);
    const known = new Set([...SECRET_KEYS, ...RECORD_KEYS, ...GENERIC_RECORD_KEYS, ...SHARED_KEYS]);
    expect([...written].filter((key) => !known.has(key))).toEqual([]);
  });

  it("the secrets' keys are among them", () => {
    const written = keysWritten(queryTexts(accountQueries));
    for (const key of SECRET_KEYS) expect(written.has(key), key).toBe(true);
  });
});
