/**
 * The vocabulary of relationship types: names and trigger phrases as the contract checks them,
 * claims whose predicate is not in the vocabulary, and a stored type's phrases reaching the
 * proposals engine. The articles here are FICTIONAL (invented companies).
 */
import { describe, expect, it } from "vitest";
import { claimEntrySchema, PREDICATES } from "../../contract/claims-file";
import {
  addRelationshipTypeRequestSchema,
  editRelationshipTypeRequestSchema,
  relationshipTypeNameSchema,
  TRIGGER_MAX_COUNT,
  triggerPhraseProblem,
} from "../../contract/vocabulary-endpoints";
import { unknownPredicates } from "../../server/src/claims/unknown-predicates";
import { extractDraft } from "../../server/src/sources/extract-draft";
import { loadLexicon } from "../../server/src/sources/load-lexicon";
import { withStoredTypes } from "../../server/src/sources/with-stored-types";
import { builtInTypes } from "../../server/src/vocabulary/built-in-types";
import { VocabularyRepository } from "../../server/src/vocabulary/vocabulary-repository";

describe("relationship type names", () => {
  it.each(["ORDERED", "SOURCES_FROM", "LICENSES_TO", "OWNS_5G_PATENT", "A", "X2"])("accepts %s", (name) => {
    expect(relationshipTypeNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    "licenses_to",
    "Licenses_To",
    "LICENSES__TO",
    "_LICENSES",
    "LICENSES_",
    "2LICENSES",
    "LICENSES-TO",
    "LICENSES TO",
    "",
    `A${"_B".repeat(30)}`,
  ])("refuses %j with the UPPER_SNAKE rule", (name) => {
    const parsed = relationshipTypeNameSchema.safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/UPPER_SNAKE/);
  });

  it("lets a claim state any UPPER_SNAKE type, and no other", () => {
    const claim = {
      subject: "a",
      object: "b",
      source: "s",
      certainty: "confirmed",
      quote: "q",
      quoteLang: "en",
      reportedAt: "2024",
    };
    expect(claimEntrySchema.safeParse({ ...claim, predicate: "LICENSES_TO" }).success).toBe(true);
    expect(claimEntrySchema.safeParse({ ...claim, predicate: "licenses to" }).success).toBe(false);
  });
});

describe("trigger phrases", () => {
  it.each([
    "licenses",
    "licens* * to",
    "(grants a licence|licenses) to",
    "{reverse} licensed by",
    "octroie une licence à",
  ])("accepts %j", (phrase) => expect(triggerPhraseProblem(phrase)).toBeNull());

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["*", /at least one word/],
    ["{reverse} *", /at least one word/],
    ["(licenses to", /not closed/],
    ["licenses) to", /parentheses/],
    ["((a|b)) to", /do not nest/],
    ["licenses || to", /empty alternative/],
    ["{possessive} licence", /only \{reverse\}/],
    ["lic{ense", /braces/],
    ["a".repeat(121), /at most 120/],
    ["two\nlines", /one line/],
  ])("refuses %j", (phrase, message) => {
    expect(triggerPhraseProblem(phrase)).toMatch(message);
  });

  it("caps the phrases per language, refuses repeats and trims what it keeps", () => {
    const base = { name: "LICENSES_TO", description: "Licenses technology to" };
    const many = Array.from({ length: TRIGGER_MAX_COUNT + 1 }, (_, index) => `licence${index}`);
    expect(addRelationshipTypeRequestSchema.safeParse({ ...base, triggers: { en: many } }).success).toBe(false);
    expect(addRelationshipTypeRequestSchema.safeParse({ ...base, triggers: { en: ["a", "a"] } }).success).toBe(false);
    expect(addRelationshipTypeRequestSchema.safeParse({ ...base, triggers: { de: ["lizenziert"] } }).success).toBe(
      false,
    );
    const parsed = addRelationshipTypeRequestSchema.parse({ ...base, triggers: { en: ["  licenses   to "] } });
    expect(parsed.triggers).toEqual({ fr: [], en: ["licenses to"] });
  });

  it("needs a description to add a type, and takes only known fields in an edit", () => {
    expect(addRelationshipTypeRequestSchema.safeParse({ name: "LICENSES_TO", description: " " }).success).toBe(false);
    expect(editRelationshipTypeRequestSchema.safeParse({ name: "OTHER" }).success).toBe(false);
    expect(editRelationshipTypeRequestSchema.parse({ triggers: { fr: ["concède"] } })).toEqual({
      triggers: { fr: ["concède"], en: [] },
    });
  });
});

describe("the built-in types", () => {
  it("are the claims file's PREDICATES, each described with a direction", () => {
    const types = builtInTypes();
    expect(types.map((type) => type.name)).toEqual([...PREDICATES]);
    for (const type of types) {
      expect([type.name, type.description.length > 10]).toEqual([type.name, true]);
      expect([type.name, type.direction]).toEqual([type.name, expect.stringContaining("→")]);
    }
    expect(types.find((type) => type.name === "ORDERED")?.lexiconTriggers.fr.length).toBeGreaterThan(0);
  });
});

describe("claims whose predicate is not in the vocabulary", () => {
  const file = { claims: [{ predicate: "ORDERED" }, { predicate: "LICENSES_TO" }, { predicate: "ACQUIRED" }] };

  it("are reported one by one, naming the type and how to add it", () => {
    const problems = unknownPredicates(file as never, ["LICENSES_TO"]);
    expect(problems).toEqual([
      { path: "$.claims[2].predicate", message: expect.stringContaining("ACQUIRED is not in the vocabulary") },
    ]);
    expect(problems[0]?.message).toMatch(/POST \/api\/vocabulary/);
  });

  it("include none when every type is built in or stored", () => {
    expect(unknownPredicates(file as never, ["LICENSES_TO", "ACQUIRED"])).toEqual([]);
  });
});

describe("a stored type's trigger phrases", () => {
  const known = [
    { id: "acmetron", name: "Acmetron", aliases: [], label: "Company" },
    { id: "zorblax", name: "Zorblax", aliases: [], label: "Company" },
  ];
  const text =
    "Acmetron licenses its patents to Zorblax, the fictional company said on Monday in a statement to its investors.";
  const licenses = {
    name: "LICENSES_TO",
    subjectLabels: ["Company"],
    objectLabels: [],
    triggers: { fr: ["concède * licence* à"], en: ["licens* * to"] },
  };
  const predicates = (lexicon: ReturnType<typeof loadLexicon>) =>
    extractDraft({ text, language: "en", published: "2024-05-02" }, known, lexicon).draft.claims.map(
      (claim) => `${claim.subject} ${claim.predicate} ${claim.object}`,
    );

  it("propose the type once it is stored, and nothing of it before", () => {
    expect(predicates(loadLexicon()).filter((claim) => claim.includes("LICENSES_TO"))).toEqual([]);
    expect(predicates(withStoredTypes(loadLexicon(), [licenses]))).toContain("acmetron LICENSES_TO zorblax");
  });

  it("leave the lexicon files' engine as it was, and give the same proposals every time", () => {
    const lexicon = loadLexicon();
    expect(withStoredTypes(lexicon, [])).toBe(lexicon);
    const stored = withStoredTypes(lexicon, [licenses]);
    expect(lexicon.types.LICENSES_TO).toBeUndefined();
    expect(stored.types.LICENSES_TO?.object).toContain("Country");
    expect(predicates(stored)).toEqual(predicates(withStoredTypes(loadLexicon(), [licenses])));
  });
});

describe("the vocabulary's counts", () => {
  /** A database that answers the list with one stored type, and refuses db.stats.retrieve when told to. */
  const database = (refuseStats: boolean, asked: string[]) =>
    ({
      read: async (query: string, params: { names?: string[] }) => {
        const record = (values: Record<string, unknown>) => ({ get: (key: string) => values[key] });
        if (query.includes("db.stats.retrieve")) {
          asked.push("stats");
          if (refuseStats) throw Object.assign(new Error("denied"), { code: "Neo.ClientError.Security.Forbidden" });
          return { records: [record({ name: "ORDERED", relationships: 4 })] };
        }
        if (query.includes("UNWIND $names")) {
          asked.push("scan");
          return {
            records: (params.names ?? []).map((name) => record({ name, relationships: name === "ORDERED" ? 4 : 0 })),
          };
        }
        return {
          records: [
            record({
              name: "LICENSES_TO",
              description: "d",
              triggersFr: [],
              triggersEn: ["licens* * to"],
              createdAt: "2024",
            }),
          ],
        };
      },
    }) as unknown as ConstructorParameters<typeof VocabularyRepository>[0];

  it("come from the count store, and from counting when the procedure is refused", async () => {
    for (const refuse of [false, true]) {
      const asked: string[] = [];
      const types = await new VocabularyRepository(database(refuse, asked)).list();
      expect(types.map((type) => type.name)).toEqual([...PREDICATES, "LICENSES_TO"].sort());
      expect(types.find((type) => type.name === "ORDERED")?.relationships).toBe(4);
      expect(types.find((type) => type.name === "LICENSES_TO")).toMatchObject({ relationships: 0, builtIn: false });
      expect(asked).toEqual(refuse ? ["stats", "scan"] : ["stats"]);
    }
  });
});
