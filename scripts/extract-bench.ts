/**
 * npm run bench:extract: how well the proposals engine reads articles it must not have been tuned
 * to. Runs the engine, with no known entities (a fresh graph knows none of them), on
 *  - the seed article (sources/article-bytedance-huawei-ascend.fr.txt) against the hand-curated
 *    cypher/claims/seed-article.json, when the file is there (SEED_SOURCES_DIR or SHARED_SOURCES);
 *  - the FICTIONAL articles of tests/fixtures/extract/ against their hand-written *.expected.json,
 * and times a 2,000-word article. Prints a table; never fails (the floors are in
 * tests/unit/extract-articles.test.ts).
 *
 * Scoring is claim by claim, one to one: each expected claim may be met by one proposal with the
 * same subject, predicate, object and stance (a denial meets a denial); among those, the one with
 * the same source and certainty is preferred. A proposal that meets no claim is wrong, so a
 * headline restating a body claim with another certainty counts against the engine. New entities
 * are matched to the expected ones by folded name or alias, as ingestion would resolve them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { type ClaimsFile, claimsFileSchema } from "../contract/claims-file";
import { certaintySchema, claimStanceSchema } from "../contract/graph-contract";
import type { Lexicon } from "../server/src/sources/lexicon";
import { loadLexicon } from "../server/src/sources/load-lexicon";
import type { KnownEntity, Proposals, ProposalsInput } from "../server/src/sources/proposal";
import { proposeClaims } from "../server/src/sources/propose-claims";
import { foldWord } from "../server/src/sources/tokenize";
import { projectRoot } from "./project-root";

const SEED_FILE = "article-bytedance-huawei-ascend.fr.txt";
export const EXTRACT_FIXTURES = join(projectRoot, "tests", "fixtures", "extract");
/** Articles written after the rules were last changed and run once: how the engine does unseen. */
export const HELD_OUT_FIXTURES = join(EXTRACT_FIXTURES, "held-out");

/** Where the seed article is: SEED_SOURCES_DIR, SHARED_SOURCES, or the shared folder of this machine. */
export function seedArticlePath(): string {
  const dir = process.env.SEED_SOURCES_DIR ?? process.env.SHARED_SOURCES ?? "/work/shared/sources";
  return join(dir, SEED_FILE);
}

const fold = (s: string) => foldWord(s).replace(/\s+/g, " ").trim();

/** A hand-written expected claims list (tests/fixtures/extract/*.expected.json). */
export const expectedClaimsSchema = z.object({
  note: z.string().optional(),
  file: z.string(),
  language: z.enum(["fr", "en"]),
  published: z.string(),
  outlet: z.object({ id: z.string(), name: z.string() }),
  entities: z.array(z.object({ id: z.string(), names: z.array(z.string()).min(1) })),
  claims: z.array(
    z.object({
      subject: z.string(),
      predicate: z.string(),
      object: z.string(),
      certainty: certaintySchema,
      stance: claimStanceSchema.default("asserts"),
      source: z.string(),
      quantities: z.record(z.string(), z.number()).optional(),
    }),
  ),
});
export type ExpectedClaims = z.infer<typeof expectedClaimsSchema>;

/** An article, the engine's input for it and the claims it holds. */
export interface BenchArticle {
  name: string;
  text: string;
  input: ProposalsInput;
  expected: ExpectedClaims;
}

/** The seed's claims file as an expected list: its entities and sources by id, name and aliases. */
export function expectedFromClaimsFile(seed: ClaimsFile): ExpectedClaims {
  return {
    file: seed.article.file ?? SEED_FILE,
    language: seed.article.language === "en" ? "en" : "fr",
    published: seed.article.publishedAt ?? "",
    outlet: { id: seed.article.source, name: seed.article.title },
    entities: [
      ...seed.entities.map((e) => ({ id: e.id ?? "", names: [e.name, ...e.aliases] })),
      ...seed.sources.map((s) => ({ id: s.id, names: [s.name, ...s.aliases] })),
    ],
    claims: seed.claims.map((c) => ({
      subject: c.subject,
      predicate: c.predicate,
      object: c.object,
      certainty: c.certainty,
      stance: c.stance ?? "asserts",
      source: c.source,
      ...(c.quantities ? { quantities: c.quantities as Record<string, number> } : {}),
    })),
  };
}

/** The seed article and its curated claims, or undefined when the article's file is absent. */
export function seedArticle(): BenchArticle | undefined {
  const path = seedArticlePath();
  if (!existsSync(path)) return undefined;
  const seed = claimsFileSchema.parse(
    JSON.parse(readFileSync(join(projectRoot, "cypher/claims/seed-article.json"), "utf8")),
  );
  const expected = expectedFromClaimsFile(seed);
  return {
    name: "seed (fr)",
    text: readFileSync(path, "utf8"),
    input: { text: "", published: expected.published, language: expected.language, outlet: expected.outlet },
    expected,
  };
}

/** The fictional articles of tests/fixtures/extract/, each beside its *.expected.json. */
export function fixtureArticles(dir: string = EXTRACT_FIXTURES): BenchArticle[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".expected.json"))
    .sort()
    .map((file) => {
      const expected = expectedClaimsSchema.parse(JSON.parse(readFileSync(join(dir, file), "utf8")));
      const text = readFileSync(join(dir, expected.file), "utf8");
      return {
        name: `${expected.file.replace(/^fictional-|\.txt$/g, "")}`,
        text,
        input: { text: "", published: expected.published, language: expected.language, outlet: expected.outlet },
        expected,
      };
    });
}

export interface Score {
  expected: number;
  /** Expected claims met by a proposal with the same subject, predicate, object and stance. */
  found: number;
  rightCertainty: number;
  rightSource: number;
  /** Proposals that met an expected claim, and those that met none. */
  right: number;
  wrong: number;
  quantitiesExpected: number;
  quantitiesCaptured: number;
  missed: string[];
  wrongList: string[];
  certaintyErrors: string[];
}

/** Scores proposals against an expected claims list, one proposal per claim (see the file's head). */
export function scoreProposals(result: Proposals, expected: ExpectedClaims): Score {
  const byFold = new Map<string, string>();
  const add = (id: string, names: readonly string[]) => {
    for (const name of [id, ...names]) if (!byFold.has(fold(name))) byFold.set(fold(name), id);
  };
  add(expected.outlet.id, [expected.outlet.name]);
  for (const e of expected.entities) add(e.id, e.names);
  const resolve = (key: string): string => {
    if (key.startsWith("id:")) return key.slice(3);
    const entity = result.entities.find((e) => e.key === key);
    const source = result.sources.find((s) => s.id === key);
    const names = entity ? [entity.name, entity.id, ...entity.aliases] : source ? [source.id, source.name] : [key];
    for (const name of names) {
      const id = byFold.get(fold(name));
      if (id) return id;
    }
    return `?${entity?.name ?? source?.name ?? key}`;
  };
  const proposals = result.proposals.map((p) => ({
    p,
    s: resolve(p.subject),
    o: resolve(p.object),
    source: resolve(p.source),
  }));
  const same = (c: ExpectedClaims["claims"][number], x: (typeof proposals)[number]) =>
    c.subject === x.s && c.predicate === x.p.predicate && c.object === x.o && c.stance === x.p.stance;
  const pairs: { c: number; x: number; weight: number }[] = [];
  expected.claims.forEach((c, ci) => {
    proposals.forEach((x, xi) => {
      if (same(c, x))
        pairs.push({ c: ci, x: xi, weight: (c.source === x.source ? 2 : 0) + (c.certainty === x.p.certainty ? 1 : 0) });
    });
  });
  pairs.sort((a, b) => b.weight - a.weight || a.c - b.c || a.x - b.x);
  const claimTaken = new Map<number, number>();
  const proposalTaken = new Set<number>();
  for (const pair of pairs) {
    if (claimTaken.has(pair.c) || proposalTaken.has(pair.x)) continue;
    claimTaken.set(pair.c, pair.x);
    proposalTaken.add(pair.x);
  }
  const label = (c: ExpectedClaims["claims"][number]) =>
    `${c.subject} ${c.predicate} ${c.object} (${c.certainty}, ${c.source}${c.stance === "denies" ? ", denies" : ""})`;
  let rightCertainty = 0;
  let rightSource = 0;
  let quantitiesExpected = 0;
  let quantitiesCaptured = 0;
  const missed: string[] = [];
  const certaintyErrors: string[] = [];
  expected.claims.forEach((c, ci) => {
    const x = claimTaken.get(ci);
    const match = x === undefined ? undefined : proposals[x];
    for (const [key, value] of Object.entries(c.quantities ?? {})) {
      quantitiesExpected++;
      if (match?.p.quantities[key] === value) quantitiesCaptured++;
    }
    if (!match) {
      missed.push(label(c));
      return;
    }
    if (match.p.certainty === c.certainty) rightCertainty++;
    else certaintyErrors.push(`${label(c)} proposed ${match.p.certainty}`);
    if (match.source === c.source) rightSource++;
  });
  const wrongList = proposals
    .filter((_, xi) => !proposalTaken.has(xi))
    .map(
      (x) =>
        `${x.s} ${x.p.predicate} ${x.o} (${x.p.certainty}, ${x.source}${x.p.stance === "denies" ? ", denies" : ""}) «${x.p.quote.slice(0, 70)}»`,
    );
  return {
    expected: expected.claims.length,
    found: claimTaken.size,
    rightCertainty,
    rightSource,
    right: proposalTaken.size,
    wrong: wrongList.length,
    quantitiesExpected,
    quantitiesCaptured,
    missed,
    wrongList,
    certaintyErrors,
  };
}

/** Runs the engine on an article. */
export function runArticle(article: BenchArticle, lexicon: Lexicon, known: readonly KnownEntity[] = []): Proposals {
  return proposeClaims({ ...article.input, text: article.text, known }, lexicon);
}

/** The article's text repeated up to `words` words. */
function lengthen(text: string, words: number): string {
  const count = text.split(/\s+/).length;
  return Array.from({ length: Math.ceil(words / count) }, () => text)
    .join("\n")
    .split(/(\s+)/)
    .slice(0, 2 * words - 1)
    .join("");
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;

function main(): void {
  const t0 = performance.now();
  const lexicon = loadLexicon();
  const loadMs = performance.now() - t0;
  const seed = seedArticle();
  const articles = [
    ...(seed ? [seed] : []),
    ...fixtureArticles(),
    ...fixtureArticles(HELD_OUT_FIXTURES).map((article) => ({ ...article, name: `held out: ${article.name}` })),
  ];
  const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(0)}%`);
  const ratio = (n: number, d: number) => `${n}/${d} = ${pct(n, d)}`;
  const scored = articles.map((article) => {
    const words = article.text.split(/\s+/).length;
    const score = scoreProposals(runArticle(article, lexicon), article.expected);
    const long = lengthen(article.text, 2000);
    const times = Array.from({ length: 5 }, () => {
      const start = performance.now();
      proposeClaims({ ...article.input, text: long }, lexicon);
      return performance.now() - start;
    });
    return { article, words, score, ms: median(times) };
  });
  const rows: string[][] = [
    ["measure", ...scored.map((s) => `${s.article.name}, ${s.words} words`), "target"],
    [
      "expected claims proposed (subject, predicate, object, stance)",
      ...scored.map(({ score }) => ratio(score.found, score.expected)),
      "≥ 80%",
    ],
    [
      "of those, with the expected certainty",
      ...scored.map(({ score }) => ratio(score.rightCertainty, score.found)),
      "≥ 80%",
    ],
    ["of those, with the expected source", ...scored.map(({ score }) => ratio(score.rightSource, score.found)), ""],
    [
      "quantities on the proposal meeting their claim",
      ...scored.map(({ score }) => `${score.quantitiesCaptured}/${score.quantitiesExpected}`),
      "all",
    ],
    [
      "seed: the order's 100,000 ordered and 30,000 delivered",
      ...scored.map(({ article }) => {
        if (article !== seed) return "";
        const orders = runArticle(article, lexicon).proposals.filter((p) => p.predicate === "ORDERED");
        const has = (key: string, value: number) => orders.some((p) => p.quantities[key] === value);
        return has("quantity", 100000) && has("delivered", 30000) ? "yes" : "NO";
      }),
      "yes",
    ],
    [
      "wrong proposals per right one",
      ...scored.map(
        ({ score }) => `${score.wrong}/${score.right} = ${(score.wrong / Math.max(score.right, 1)).toFixed(2)}`,
      ),
      "≤ 0.5",
    ],
    ["time for 2,000 words of it (median of 5)", ...scored.map(({ ms }) => `${ms.toFixed(0)} ms`), "< 1000 ms"],
  ];
  // A large graph: the engine indexes every known name and alias on each call.
  const many: KnownEntity[] = Array.from({ length: 20_000 }, (_, i) => ({
    id: `entity-${i}`,
    name: `Entity${i} Corp`,
    aliases: [`E${i}`, `Entity ${i}`],
    label: "Company",
  }));
  const first = articles[0];
  if (first) {
    const long = lengthen(first.text, 2000);
    const times = Array.from({ length: 3 }, () => {
      const start = performance.now();
      proposeClaims({ ...first.input, text: long, known: many }, lexicon);
      return performance.now() - start;
    });
    rows.push([
      "the same with 20,000 known entities (median of 3)",
      `${median(times).toFixed(0)} ms`,
      ...scored.slice(1).map(() => ""),
      "< 1000 ms",
    ]);
  }
  rows.push([
    "lexicon load and compile (once per process)",
    `${loadMs.toFixed(0)} ms`,
    ...scored.slice(1).map(() => ""),
    "",
  ]);
  console.log(
    `Proposals engine, graph knowing no entity${seed ? "" : `; seed article not found at ${seedArticlePath()} (set SEED_SOURCES_DIR)`}`,
  );
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => r[c]?.length ?? 0))) ?? [];
  for (const [index, row] of rows.entries()) {
    console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`);
    if (index === 0) console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  }
  if (process.argv.includes("--verbose")) {
    for (const { article, score } of scored) {
      console.log(`\n${article.name}\n  missed:\n    ${score.missed.join("\n    ")}`);
      console.log(`  certainty differs:\n    ${score.certaintyErrors.join("\n    ")}`);
      console.log(`  wrong:\n    ${score.wrongList.join("\n    ")}`);
    }
  } else console.log("(--verbose lists, per article, the missed claims, the certainty errors and the wrong proposals)");
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) main();
