import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { claimsFileSchema } from "../../contract/claims-file";
import { renderingProblems } from "../support/rendering-problems";

/**
 * An English rendering is a translation of its quote, never the curator's comment on it: comments
 * belong in `note`, which the panel labels as the curator's. Checked on every claims file the seed
 * ingests, by rules that hold for any language pair: no talk about the text, about as long as the
 * original, and no run of the original's words quoted inside it.
 */
const CLAIMS_DIR = resolve(import.meta.dirname, "../../cypher/claims");

const files = readdirSync(CLAIMS_DIR).filter((name) => name.endsWith(".json"));

describe("English renderings of the seed's claims", () => {
  it.each(files)("%s: every rendering translates its quote; notes are apart", (name) => {
    const file = claimsFileSchema.parse(JSON.parse(readFileSync(join(CLAIMS_DIR, name), "utf8")));
    const problems = file.claims.flatMap((claim) =>
      renderingProblems(claim).map((problem) => `${claim.subject} ${claim.predicate} ${claim.object}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it("tells a comment from a translation", () => {
    const quote =
      "Les deux entreprises chinoises pourraient tenter de contrer les restrictions commerciales américaines.";
    expect(
      renderingProblems({
        quote,
        quoteLang: "fr",
        quoteEn: 'The article takes US trade restrictions as given ("les restrictions commerciales américaines").',
      }),
    ).toHaveLength(2);
    expect(
      renderingProblems({
        quote,
        quoteLang: "fr",
        quoteEn: "The two Chinese companies could try to counter American trade restrictions.",
      }),
    ).toEqual([]);
    expect(renderingProblems({ quote, quoteLang: "fr", quoteEn: "Chinese firms." })).toHaveLength(1);
  });
});
