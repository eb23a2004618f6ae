/**
 * Seeded generators of hostile input for the fuzz run: the same seed gives the same inputs, so a
 * failure can be replayed with FUZZ_SEED.
 */

/** mulberry32: a small, fast, seedable PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FuzzInputs {
  constructor(
    readonly random: () => number,
    /** Well-formed queries to mutate (the query library). */
    private readonly queries: readonly string[],
  ) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /**
   * Text an analyst or an attacker might paste: Cypher and Lucene syntax, quotes, escapes,
   * control characters, right-to-left marks, emoji, lone surrogates, very long runs.
   */
  text(maxLength = 200): string {
    const pieces = [
      "'",
      '"',
      "`",
      "\\",
      "\\u0000",
      "\u0000",
      "\u202e",
      "\ud800",
      "😀",
      "华为",
      "$" + "{x}",
      "{{x}}",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      '=HYPERLINK("http://x")',
      "AND",
      "OR NOT",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      ":",
      "~",
      "^2",
      "?",
      '"unbalanced',
      "/* */",
      "//",
      ";",
      "$param",
      "MATCH (n) DETACH DELETE n",
      "CALL dbms.listConfig()",
      "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
      "USE system",
      "x".repeat(this.int(3_000)),
      String(this.int(1_000_000)),
      "-1",
      "1e309",
      "NaN",
      " ",
      "\n",
      "\t",
    ];
    let out = "";
    const parts = this.int(8) + 1;
    for (let i = 0; i < parts && out.length < maxLength; i += 1) out += this.pick(pieces);
    return out;
  }

  /** A library query, mutated: spans cut, pasted text inserted, characters swapped. */
  query(): string {
    let query = this.pick(this.queries);
    const mutations = this.int(4);
    for (let i = 0; i < mutations; i += 1) {
      const at = this.int(query.length + 1);
      switch (this.int(3)) {
        case 0:
          query = query.slice(0, at) + query.slice(at + this.int(20));
          break;
        case 1:
          // No `*`: a variable-length pattern is a real, legitimately slow query, which the
          // timeout answers with 504 (tested on its own); here the input must never be the problem.
          query = query.slice(0, at) + this.text(40).replaceAll("*", "") + query.slice(at);
          break;
        default:
          query =
            query.slice(0, at) + this.pick(["(", ")", "-", ">", "<", "'", "{", "}", ",", "."]) + query.slice(at + 1);
      }
    }
    return query;
  }

  /** Any JSON value, nested up to `depth`. */
  json(depth = 3): unknown {
    const kind = this.int(depth > 0 ? 8 : 5);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.random() < 0.5;
      case 2:
        return this.pick([0, -1, 1.5, 2 ** 53 + 1, -(2 ** 63), 1e308, this.int(1000)]);
      case 3:
      case 4:
        return this.text(60);
      case 5:
        return Array.from({ length: this.int(4) }, () => this.json(depth - 1));
      default:
        return Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.text(12), this.json(depth - 1)]));
    }
  }

  /** A POST /api/cypher body: usually the right shape with hostile contents, sometimes not JSON at all. */
  cypherBody(): string {
    switch (this.int(6)) {
      case 0:
        return JSON.stringify(this.json());
      case 1:
        return this.text(300);
      case 2:
        return JSON.stringify({ query: this.json(1), params: this.json(2) });
      default:
        return JSON.stringify({
          query: this.query(),
          params: Object.fromEntries(
            ["source", "limit", "id", "from", "to", "text", "name", this.text(8)].map((key) => [key, this.json(2)]),
          ),
        });
    }
  }

  /** A GET /api/search query string. */
  searchQuery(): string {
    const params = new URLSearchParams();
    if (this.random() < 0.9) params.set("q", this.text(300));
    if (this.random() < 0.5) params.set("limit", this.pick(["1", "50", "0", "-3", "1e9", "abc", "", this.text(5)]));
    if (this.random() < 0.1) params.append("q", this.text(10));
    return params.toString();
  }
}
