/**
 * A draft under review becomes a claims file (accepted claims only, new entities declared, the
 * outlet as a source), and the proposals carry what the review page shows: offsets, cues and why
 * each entity resolved. Every article here is FICTIONAL.
 */
import { describe, expect, it } from "vitest";
import { articleEntrySchema, claimsFileSchema } from "../../contract/claims-file";
import type { DraftContent, DraftItem } from "../../contract/draft-endpoints";
import { articleIdOf, DraftNotReady, draftToClaimsFile } from "../../server/src/drafts/draft-to-claims-file";
import { extractDraft } from "../../server/src/sources/extract-draft";
import { loadLexicon } from "../../server/src/sources/load-lexicon";

const TEXT = "Fictional Brightmoor Systems ordered 2,000 servers from Kestrel Compute this year.";

const item = (overrides: Partial<DraftItem> = {}): DraftItem => ({
  id: "p1",
  origin: "proposal",
  status: "accepted",
  subject: "fictional-brightmoor-systems",
  predicate: "ORDERED",
  object: "kestrel",
  source: "",
  stance: "asserts",
  certainty: "confirmed",
  quote: TEXT,
  quoteEn: "",
  quantities: { quantity: 2000 },
  start: 0,
  end: TEXT.length,
  cues: [{ kind: "predicate", text: "ordered", start: 29, end: 36 }],
  ...overrides,
});

const draft = (overrides: Partial<DraftContent> = {}): DraftContent => ({
  text: TEXT,
  title: "Fictional: Brightmoor orders servers",
  url: "",
  published: "2025-02-03",
  language: "",
  detectedLanguage: "en",
  outlet: { id: "", name: "Fictional Ledger", grade: "B", known: false },
  notices: [],
  sources: [],
  entities: [
    {
      id: "fictional-brightmoor-systems",
      name: "Fictional Brightmoor Systems",
      label: "Company",
      known: false,
      why: "new Company",
      aliases: [],
      mentions: [],
    },
    {
      id: "kestrel",
      name: "Kestrel Compute",
      label: "Company",
      known: true,
      why: "same name",
      aliases: [],
      mentions: [],
    },
  ],
  items: [item(), item({ id: "p2", status: "rejected", predicate: "MAKES" }), item({ id: "p3", status: "pending" })],
  ...overrides,
});

describe("draftToClaimsFile", () => {
  it("keeps only the accepted claims, declares new entities, and attributes unsourced claims to the outlet", () => {
    const file = claimsFileSchema.parse(draftToClaimsFile(draft(), { today: "2025-06-01" }));
    expect(file.claims).toHaveLength(1);
    expect(file.claims[0]).toMatchObject({
      subject: "fictional-brightmoor-systems",
      predicate: "ORDERED",
      object: "kestrel",
      source: "fictional-ledger",
      quoteLang: "en",
      reportedAt: "2025-02-03",
      quantities: { quantity: 2000 },
    });
    expect(file.claims[0]?.quoteEn).toBeUndefined();
    expect(file.claims[0]?.properties.quoteOffsets).toBe(`0-${TEXT.length}`);
    expect(file.entities.map((entity) => entity.id)).toEqual(["fictional-brightmoor-systems"]);
    expect(file.sources).toEqual([expect.objectContaining({ id: "fictional-ledger", grade: "B" })]);
    expect(file.article).toMatchObject({ source: "fictional-ledger", language: "en", publishedAt: "2025-02-03" });
    if ("text" in articleEntrySchema.shape) expect((file.article as { text?: string }).text).toBe(TEXT);
  });

  it("keeps an English rendering the analyst wrote, and the graph's outlet by its id", () => {
    const file = draftToClaimsFile(
      draft({
        outlet: { id: "reuters", name: "Reuters", grade: "A", known: true },
        items: [item({ quoteEn: "  An English rendering.  " })],
      }),
      { today: "2025-06-01" },
    );
    expect(file.claims[0]?.quoteEn).toBe("An English rendering.");
    expect(file.claims[0]?.source).toBe("reuters");
    expect(file.article.source).toBe("reuters");
  });

  it("gives one article id for one outlet, title and date, whoever drafts it", () => {
    expect(articleIdOf(draft())).toBe(articleIdOf(draft({ items: [] })));
    expect(articleIdOf(draft())).not.toBe(articleIdOf(draft({ published: "2025-02-04" })));
  });

  it("says what is missing instead of making a file", () => {
    const today = { today: "2025-06-01" };
    expect(() => draftToClaimsFile(draft({ items: [item({ status: "pending" })] }), today)).toThrow(DraftNotReady);
    expect(() => draftToClaimsFile(draft({ title: " " }), today)).toThrow(/title/);
    expect(() => draftToClaimsFile(draft({ published: "3 Feb 2025" }), today)).toThrow(/YYYY-MM-DD/);
    expect(() => draftToClaimsFile(draft({ url: "javascript:alert(1)" }), today)).toThrow(/http/);
    expect(() => draftToClaimsFile(draft({ outlet: { id: "", name: "", grade: "F", known: false } }), today)).toThrow(
      /outlet/,
    );
  });

  it("marks an undetected language as und, and dates an undated article today", () => {
    const file = draftToClaimsFile(draft({ detectedLanguage: "unknown", published: "" }), { today: "2025-06-01" });
    expect(file.claims[0]?.quoteLang).toBe("und");
    expect(file.article.publishedAt).toBe("2025-06-01");
  });
});

describe("the proposals' review details", () => {
  const known = [{ id: "kestrel", name: "Kestrel Compute", aliases: ["KC"], label: "Company" }];
  const SOURCED = "Fictional Brightmoor Systems sources its chips from Kestrel Compute, according to Reuters.";
  const answer = extractDraft({ text: SOURCED, language: "en", published: "2025-02-03" }, known, loadLexicon());

  it("gives each draft claim its quote's offsets and cue words", () => {
    expect(answer.review.claims).toHaveLength(answer.draft.claims.length);
    expect(answer.draft.claims.length).toBeGreaterThan(0);
    for (const [index, claim] of answer.draft.claims.entries()) {
      const span = answer.review.claims[index];
      expect(SOURCED.slice(span?.start, span?.end)).toBe(claim.quote);
      for (const cue of span?.cues ?? []) expect(SOURCED.slice(cue.start, cue.end)).toBe(cue.text);
    }
  });

  it("says how each entity resolved: the graph's by name or alias, a new one with its label", () => {
    const kestrel = answer.review.entities.find((entity) => entity.id === "kestrel");
    expect(kestrel).toMatchObject({ known: true, why: "same name" });
    const byAlias = extractDraft(
      { text: SOURCED.replace("Kestrel Compute", "KC"), language: "en" },
      known,
      loadLexicon(),
    );
    expect(byAlias.review.entities.find((entity) => entity.id === "kestrel")?.why).toBe('alias "KC"');
    const brightmoor = answer.review.entities.find((entity) => !entity.known);
    expect(brightmoor?.why).toMatch(/^new \w+/);
    // Described rather than named: the graph's country through a demonym.
    const japan = { id: "jp", name: "Japan", aliases: [], label: "Country" };
    const described = extractDraft(
      { text: "The Japanese company Sorel Systems ordered Orion 5 chips.", language: "en", published: "2025-02-03" },
      [japan],
      loadLexicon(),
    );
    expect(described.review.entities.find((entity) => entity.id === "jp")?.why).toBe(
      "its demonym (see the claim's cues)",
    );
    expect(answer.draft.claims.some((claim) => claim.quoteEn !== undefined)).toBe(false);
  });
});
