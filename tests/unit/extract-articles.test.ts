/**
 * The proposals engine on whole articles, claim by claim against hand-written expected claims:
 * the seed article (skipped when its file is absent: SEED_SOURCES_DIR) and the FICTIONAL articles
 * of tests/fixtures/extract/. The floors are the targets; npm run bench:extract prints the
 * figures and lists what is missed or wrong.
 */
import { describe, expect, it } from "vitest";
import {
  type BenchArticle,
  type ExpectedClaims,
  fixtureArticles,
  HELD_OUT_FIXTURES,
  runArticle,
  scoreProposals,
  seedArticle,
} from "../../scripts/extract-bench";
import { loadLexicon } from "../../server/src/sources/load-lexicon";
import type { Proposal, Proposals } from "../../server/src/sources/proposal";

const lexicon = loadLexicon();
const seed = seedArticle();
const fixtures = fixtureArticles();
const heldOut = fixtureArticles(HELD_OUT_FIXTURES);

/**
 * `quantities`: every expected quantity on the proposal that meets its claim. Not on the seed, whose
 * file makes the delivery ("a jusqu'à présent reçu 30 000 puces") a claim of its own, where the
 * engine adds it to the order it follows; the seed's test checks the order's figures instead.
 */
function expectFloors(article: BenchArticle, quantities = true, minRecall = 0.8) {
  const score = scoreProposals(runArticle(article, lexicon), article.expected);
  const recall = score.found / score.expected;
  const certainty = score.rightCertainty / Math.max(score.found, 1);
  const wrongPerRight = score.wrong / Math.max(score.right, 1);
  // The lists say what went wrong when a floor is not met.
  expect({ recall, missed: score.missed }).toMatchObject({ recall: expect.toSatisfy((r: number) => r >= minRecall) });
  expect({ certainty, errors: score.certaintyErrors }).toMatchObject({
    certainty: expect.toSatisfy((c: number) => c >= 0.8),
  });
  expect({ wrongPerRight, wrong: score.wrongList }).toMatchObject({
    wrongPerRight: expect.toSatisfy((w: number) => w <= 0.5),
  });
  if (quantities) expect(score.quantitiesCaptured).toBe(score.quantitiesExpected);
  return score;
}

describe("whole articles against their expected claims", () => {
  it("has two fictional articles, one French and one English, each marked fictional", () => {
    expect(fixtures.map((a) => a.expected.language).sort()).toEqual(expect.arrayContaining(["en", "fr"]));
    for (const article of fixtures) expect(article.text.split("\n")[0]).toMatch(/FICTIONAL|FICTIF/);
  });

  it.each(fixtures.map((a) => [a.name, a] as const))("meets the floors on %s", (_name, article) => {
    expectFloors(article);
  });

  // Each held-out article was run once unseen (first run below); the classes of what it missed were
  // then fixed, so it is no longer unseen. Its floor sits just under what it finds now: a change that
  // loses one of its claims fails here. Precision keeps the floors.
  //   brightway-pellam.en 53% at first run, now 15/17; solvia-minato.fr 31%, now 12/13 (rounds 3-4)
  //   orvelle-kaito.fr 63%, now 16/16; quorra-velnor.en 30%, now 16/20; nerida-solcarre.fr 24%,
  //   now 15/17 (round 4)
  //   round 5, written before the rules were read again, first run (load 3.95):
  //   pellucid-araxa.en 13/19 = 68%, certainty 11/13, wrong 0/13, quantity 0/1;
  //   virelle-halvard.fr 8/20 = 40%, certainty 8/8, wrong 2/8, quantity 1/1;
  //   after their classes were fixed: pellucid 19/19, virelle 19/20, and quorra-velnor.en now 19/20,
  //   nerida-solcarre.fr 17/17 (its supplier named after its description, its maker fused into 'Brandt K7')
  const heldOutRecall: Record<string, number> = {
    "brightway-pellam.en": 0.85,
    "solvia-minato.fr": 0.9,
    "orvelle-kaito.fr": 0.95,
    "quorra-velnor.en": 0.93,
    "nerida-solcarre.fr": 0.97,
    "pellucid-araxa.en": 0.97,
    "virelle-halvard.fr": 0.93,
  };
  it("has a recall floor for every held-out article", () => {
    expect(heldOut.map((a) => a.name).sort()).toEqual(Object.keys(heldOutRecall).sort());
    for (const article of heldOut) expect(article.text.split("\n")[0]).toMatch(/FICTIONAL|FICTIF|FICTIVE/);
  });
  it.each(heldOut.map((a) => [a.name, a] as const))(
    "keeps its precision on the held-out %s, and its recall floor",
    (name, article) => {
      expectFloors(article, false, heldOutRecall[name] ?? 1);
    },
  );

  it.skipIf(!seed)("meets the floors on the seed article, with the order's 100,000 and 30,000", () => {
    if (!seed) return;
    expectFloors(seed, false);
    const order = runArticle(seed, lexicon).proposals.find((p) => p.predicate === "ORDERED");
    expect(order?.quantities).toMatchObject({ quantity: 100000, delivered: 30000 });
  });

  it.skipIf(!seed)("proposes the seed article's headline once, from its body", () => {
    if (!seed) return;
    const result = runArticle(seed, lexicon);
    const headline = "ByteDance s'appuie sur Huawei pour du matériel optimisé pour l'IA";
    const at = seed.text.indexOf(headline);
    const fromHeadline = result.proposals.filter((p) => p.quoteStart === at);
    expect(fromHeadline).toEqual([]);
    const sourcing = result.proposals.filter((p) => p.predicate === "SOURCES_FROM");
    expect(sourcing.map((p) => p.certainty).sort()).toEqual(["reported", "reported", "speculative"]);
    expect(sourcing.some((p) => p.cues.some((c) => c.kind.startsWith("headline") && c.start === at))).toBe(true);
  });
});

describe("the scoring", () => {
  const expected: ExpectedClaims = {
    file: "x.txt",
    language: "en",
    published: "2026",
    outlet: { id: "outlet", name: "Outlet" },
    entities: [
      { id: "acme", names: ["Acme"] },
      { id: "bolt", names: ["Bolt Chips", "Bolt"] },
    ],
    claims: [
      {
        subject: "acme",
        predicate: "SOURCES_FROM",
        object: "bolt",
        certainty: "reported",
        stance: "asserts",
        source: "outlet",
      },
    ],
  };
  const proposal = (certainty: Proposal["certainty"]): Proposal => ({
    subject: "new:acme",
    predicate: "SOURCES_FROM",
    object: "new:bolt",
    certainty,
    stance: "asserts",
    source: "outlet",
    quote: "",
    quoteStart: 0,
    quoteEnd: 0,
    additionalEvidence: [],
    quantities: {},
    properties: {},
    cues: [],
  });
  const result = (proposals: Proposal[]): Proposals => ({
    language: "en",
    languageScores: { fr: 0, en: 1 },
    notices: [],
    outlet: expected.outlet,
    entities: [
      {
        key: "new:acme",
        id: "acme",
        name: "Acme",
        label: "Company",
        labelReason: "default",
        known: false,
        aliases: [],
        mentions: [],
      },
      {
        key: "new:bolt",
        id: "bolt-chips",
        name: "Bolt Chips",
        label: "Company",
        labelReason: "default",
        known: false,
        aliases: [],
        mentions: [],
      },
    ],
    sources: [{ id: "outlet", name: "Outlet", kind: "outlet" }],
    proposals,
    unplacedQuantities: [],
  });

  it("lets one proposal meet one claim: a second one, as a headline restating it, is wrong", () => {
    const score = scoreProposals(result([proposal("reported"), proposal("confirmed")]), expected);
    expect(score).toMatchObject({ found: 1, rightCertainty: 1, right: 1, wrong: 1 });
  });

  it("counts a claim met with another certainty as found, with the certainty wrong", () => {
    expect(scoreProposals(result([proposal("confirmed")]), expected)).toMatchObject({
      found: 1,
      rightCertainty: 0,
      wrong: 0,
    });
  });

  it("finds nothing in no proposals", () => {
    expect(scoreProposals(result([]), expected)).toMatchObject({ found: 0, right: 0, missed: [expect.any(String)] });
  });
});
