import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimsFileJsonSchema } from "../../contract/claims-file";
import { projectRoot } from "../../scripts/project-root";
import { validateClaimsFile } from "../../server/src/claims/validate-claims-file";

const read = (...path: string[]) => readFileSync(join(projectRoot, ...path), "utf8");

describe("the claims file format", () => {
  it("schemas/claims-file.schema.json is what the zod schema generates (npm run claims:schema)", () => {
    expect(JSON.parse(read("schemas", "claims-file.schema.json"))).toEqual(claimsFileJsonSchema());
  });

  it("the JSON Schema gives the predicates' UPPER_SNAKE rule and lists the source grades the zod schema accepts", () => {
    const schema = JSON.stringify(claimsFileJsonSchema());
    for (const word of ['"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$"', '"A"', '"F"', "asserts", "denies"])
      expect(schema).toContain(word);
  });

  it("accepts the seed article and the fictional later report", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(validateClaimsFile(read("cypher", "claims", "seed-article.json"), now).problems).toEqual([]);
    const later = validateClaimsFile(read("tests", "fixtures", "claims", "later-report.json"), now);
    expect(later.problems).toEqual([]);
    expect(later.file?.fictional).toBe(true);
  });
});

describe("validateClaimsFile", () => {
  const now = new Date("2025-06-01T00:00:00Z");
  const minimal = () => ({
    format: "claims/1",
    article: { id: "a", title: "A", source: "s", language: "en", publishedAt: "2025-01-02" },
    sources: [{ id: "s", name: "S", grade: "C" }],
    claims: [
      {
        subject: "x",
        predicate: "MAKES",
        object: "y",
        source: "s",
        certainty: "reported",
        quote: "x makes y",
        quoteLang: "en",
        quoteEn: "x makes y",
        reportedAt: "2025-01-02",
      },
    ],
  });

  it("passes a minimal file, with defaults filled in", () => {
    const { file, problems } = validateClaimsFile(minimal(), now);
    expect(problems).toEqual([]);
    expect(file?.claims[0]?.stance).toBe("asserts");
    expect(file?.entities).toEqual([]);
  });

  it("names every problem by its JSON path", () => {
    const file = minimal();
    Object.assign(file.claims[0] as object, { predicate: "likes", quote: "q".repeat(100 * 1024), quoteLang: "French" });
    const paths = validateClaimsFile(file, now).problems.map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining(["$.claims[0].predicate", "$.claims[0].quote", "$.claims[0].quoteLang"]),
    );
  });

  it("reports schema problems and the checks beyond the schema in one answer", () => {
    const file = minimal();
    Object.assign(file.claims[0] as object, { predicate: "likes", reportedAt: "2030-01-01", source: "elsewhere" });
    Object.assign(file.article, { publishedAt: "2031" });
    expect(validateClaimsFile(file, now).problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "$.claims[0].predicate" }),
        { path: "$.claims[0].reportedAt", message: "2030-01-01 is in the future (today is 2025-06-01)" },
        { path: "$.claims[0].source", message: 'no source "elsewhere" in $.sources' },
        { path: "$.article.publishedAt", message: "2031 is in the future (today is 2025-06-01)" },
      ]),
    );
  });

  it("refuses dates after today, sources it does not declare, and validity that ends before it starts", () => {
    const file = minimal();
    Object.assign(file.claims[0] as object, {
      reportedAt: "2025-07",
      source: "elsewhere",
      validFrom: "2025-03",
      validTo: "2024",
    });
    expect(validateClaimsFile(file, now).problems).toEqual([
      { path: "$.claims[0].source", message: 'no source "elsewhere" in $.sources' },
      { path: "$.claims[0].reportedAt", message: "2025-07 is in the future (today is 2025-06-01)" },
      { path: "$.claims[0].validTo", message: "validTo 2024 is before validFrom 2025-03" },
    ]);
  });

  it("reports malformed JSON at the root", () => {
    const { file, problems } = validateClaimsFile('{"format": "claims/1",', now);
    expect(file).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("$");
    expect(problems[0]?.message).toMatch(/^malformed JSON/);
  });
});
