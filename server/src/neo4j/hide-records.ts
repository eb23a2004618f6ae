import { isNode, isPath, isRelationship, type Node, Record } from "neo4j-driver";

/** What a workbench answer must not carry: nodes with these labels, these label and property names, these values. */
export interface HiddenRecordRules {
  labels: ReadonlySet<string>;
  /** Property keys whose name alone says the row reads an account, a session, a key, an audit event or a draft. */
  keys: ReadonlySet<string>;
  /** Values that are secrets whatever key carries them (a password hash's prefix). */
  secretValue: (text: string) => boolean;
}

const HIDE_ROW = Symbol("hide row");
type Cleaned = unknown | typeof HIDE_ROW;

const hiddenNode = (node: Node, rules: HiddenRecordRules) => node.labels.some((label) => rules.labels.has(label));

/** A label as the schema procedures spell it in their text columns (":`AppUser`"). */
const namesHidden = (text: string, rules: HiddenRecordRules) =>
  rules.labels.has(text) ||
  rules.keys.has(text) ||
  rules.secretValue(text) ||
  [...rules.labels].some((label) => text.includes(`\`${label}\``));

/**
 * A value with what it must not carry taken out: a hidden node inside a list (the schema
 * procedures' pictures) is left out of the list; anything else hidden (the node itself as a column,
 * a hidden label's or key's name, a map with a hidden key, a secret's text) hides the whole row,
 * because the rest of the row is then about that record too.
 */
function clean(value: unknown, rules: HiddenRecordRules, hiddenIds: Set<string>): Cleaned {
  if (isNode(value)) {
    if (!hiddenNode(value, rules)) return value;
    hiddenIds.add(value.elementId);
    return HIDE_ROW;
  }
  if (isRelationship(value)) {
    return hiddenIds.has(value.startNodeElementId) || hiddenIds.has(value.endNodeElementId) ? HIDE_ROW : value;
  }
  if (isPath(value)) {
    const nodes = [value.start, ...value.segments.map((segment) => segment.end)];
    return nodes.some((node) => hiddenNode(node, rules)) ? HIDE_ROW : value;
  }
  if (typeof value === "string") return namesHidden(value, rules) ? HIDE_ROW : value;
  if (Array.isArray(value)) {
    // Nodes first, so a relationship between two hidden nodes (schema pictures) goes with them.
    const ordered = [...value.filter(isNode), ...value.filter((item) => !isNode(item))];
    const kept = new Map<unknown, unknown>();
    for (const item of ordered) {
      const cleaned = clean(item, rules, hiddenIds);
      if (cleaned !== HIDE_ROW) kept.set(item, cleaned);
      else if (!isNode(item) && !isRelationship(item)) return HIDE_ROW;
    }
    return value.filter((item) => kept.has(item)).map((item) => kept.get(item));
  }
  if (value !== null && typeof value === "object" && value.constructor === Object) {
    const entries = Object.entries(value as { [key: string]: unknown });
    if (entries.some(([key]) => rules.keys.has(key))) return HIDE_ROW;
    const out: { [key: string]: unknown } = {};
    for (const [key, item] of entries) {
      const cleaned = clean(item, rules, hiddenIds);
      if (cleaned === HIDE_ROW) return HIDE_ROW;
      out[key] = cleaned;
    }
    return out;
  }
  return value;
}

/**
 * The record without what the rules hide, or null when the whole row must go (see clean). Every
 * other value is passed on as the driver gave it.
 */
export function hideRecord(record: Record, rules: HiddenRecordRules): Record | null {
  const hiddenIds = new Set<string>();
  const fields: unknown[] = [];
  for (const key of record.keys) {
    const cleaned = clean(record.get(key), rules, hiddenIds);
    if (cleaned === HIDE_ROW) return null;
    fields.push(cleaned);
  }
  return new Record(record.keys, fields);
}
