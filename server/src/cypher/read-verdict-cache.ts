/**
 * Statements the EXPLAIN gate has already let through, so a query an analyst runs again (or the
 * same query with other parameter values) skips the extra planning round trip. Whether a statement
 * only reads and which procedures it calls follow from its text alone; the one clause whose target
 * a parameter could choose, `USE graph.byName($db)`, never gets this far (checkQueryText refuses
 * USE). Only statements that passed are kept; least recently used entries go first at `capacity`.
 */
export class ReadVerdictCache {
  private readonly passed = new Map<string, true>();

  constructor(private readonly capacity = 500) {}

  has(database: string, statement: string): boolean {
    const key = cacheKey(database, statement);
    if (!this.passed.has(key)) return false;
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    this.passed.delete(key);
    this.passed.set(key, true);
    return true;
  }

  remember(database: string, statement: string): void {
    const key = cacheKey(database, statement);
    this.passed.delete(key);
    this.passed.set(key, true);
    if (this.passed.size > this.capacity) this.passed.delete(this.passed.keys().next().value as string);
  }

  get size(): number {
    return this.passed.size;
  }
}

function cacheKey(database: string, statement: string): string {
  return `${database}\u0000${statement}`;
}
