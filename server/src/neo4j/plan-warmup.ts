/** A statement the server will run, with parameters of the types its requests send. */
export interface PlannedStatement {
  name: string;
  query: string;
  params: Record<string, unknown>;
}

/**
 * Neo4j 5.26 keys its plan cache on a list parameter's size as well as its type, by order of
 * magnitude: a list of 1 item, of 2 to 10, 11 to 100, 101 to 1,000, 1,001 to 10,000 and more than
 * 10,000 each plan the statement again (measured: 90 to 900 ms each on a freshly started database
 * on a busy 2-core machine, 5 to 40 ms once planned). The largest list of each bucket.
 */
export const LIST_SIZE_BUCKETS = [1, 10, 100, 1_000, 10_000, 10_001] as const;

/**
 * `statement` once per list size bucket of its list parameter `param` (a list of empty strings:
 * an id no node has), so that no request plans it again whatever the number of ids it sends;
 * `upTo` leaves out the buckets above the longest list a request can send (a few relationship
 * types, not thousands). The first keeps the statement's name; the others add the list's size
 * ("claims by id, 10 ids").
 */
export function everyListSize(
  statement: PlannedStatement,
  param: string,
  upTo: number = Number.POSITIVE_INFINITY,
): PlannedStatement[] {
  const sizes = LIST_SIZE_BUCKETS.filter((_size, index) => index === 0 || (LIST_SIZE_BUCKETS[index - 1] ?? 0) < upTo);
  return sizes.map((size, index) => ({
    name: index === 0 ? statement.name : `${statement.name}, ${size} ids`,
    query: statement.query,
    params: { ...statement.params, [param]: Array.from({ length: size }, () => "") },
  }));
}

export interface WarmupReport {
  prepared: string[];
  ms: number;
}

/**
 * Has Neo4j plan the server's fixed queries before the server reports ready (decision 0006): the
 * first request after a start otherwise pays for planning (1 to 4 s for the expansion queries on a
 * busy 2-core machine), and a supernode's menu planned two queries (its types unknown until the
 * first answer). Each source gives its statements (reading what it needs first: the relationship
 * types, a node to ask about); each is run once, read-only, with parameters of the real requests'
 * types (Neo4j's plan cache keys on the text and the parameter types). EXPLAIN would be cheaper but
 * does not do it: measured, a query planned by EXPLAIN was planned again at its first real run.
 *
 * `ready()` runs it once and is awaited by readiness; a failure (Neo4j not up yet) is forgotten, so
 * the next readiness probe tries again.
 */
export class PlanWarmup {
  private running: Promise<WarmupReport> | null = null;
  private done: WarmupReport | null = null;

  constructor(
    private readonly sources: ReadonlyArray<() => Promise<PlannedStatement[]>>,
    private readonly explain: (statement: PlannedStatement) => Promise<unknown>,
    private readonly onDone: (report: WarmupReport) => void = () => {},
  ) {}

  /** What was prepared, once it has been; null before. */
  get report(): WarmupReport | null {
    return this.done;
  }

  /** Resolves true once every statement is planned; false when Neo4j failed this time. */
  async ready(): Promise<boolean> {
    if (this.done) return true;
    this.running ??= this.run();
    try {
      await this.running;
      return true;
    } catch {
      this.running = null;
      return false;
    }
  }

  private async run(): Promise<WarmupReport> {
    const started = performance.now();
    const prepared: string[] = [];
    for (const source of this.sources) {
      for (const statement of await source()) {
        await this.explain(statement);
        prepared.push(statement.name);
      }
    }
    const report = { prepared, ms: Math.round(performance.now() - started) };
    this.done = report;
    this.onDone(report);
    return report;
  }
}
