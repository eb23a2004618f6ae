import { describe, expect, it } from "vitest";
import type { ClaimsFile } from "../../contract/claims-file";
import { locateQuotes, QuoteLocator } from "../../server/src/claims/locate-quotes";
import { planIngest } from "../../server/src/claims/plan-ingest";
import { validateClaimsFile } from "../../server/src/claims/validate-claims-file";

/** The text a span covers: what a reader would see highlighted. */
const covered = (text: string, quote: string, from = 0) => {
  const span = new QuoteLocator(text).find(quote, from);
  return span === null ? null : text.slice(span.start, span.end);
};

// Every text below is made up for these tests (fictional companies and events).
describe("QuoteLocator", () => {
  it("finds an exact quote at its offsets", () => {
    const text = "Intro. Velda Systems ordered 500 boards. The end.";
    expect(new QuoteLocator(text).find("Velda Systems ordered 500 boards.")).toEqual({ start: 7, end: 40 });
  });

  it("finds a quote with a straight apostrophe in a text with a curly one, and the reverse", () => {
    const curly = "Selon l’agence, Sorel aurait commandé des puces d’essai.";
    expect(covered(curly, "Selon l'agence, Sorel aurait commandé des puces d'essai.")).toBe(curly);
    const straight = 'Sorel\'s board said "no" to the offer.';
    expect(covered(straight, "Sorel\u2019s board said \u201Cno\u201D to the offer.")).toBe(straight);
  });

  it("finds a quote across a line break, a run of spaces or a no-break space", () => {
    const text = "Avant. La société Velda\naurait reçu  30\u00A0000 puces. Après.";
    expect(covered(text, "La société Velda aurait reçu 30 000 puces.")).toBe(
      "La société Velda\naurait reçu  30\u00A0000 puces.",
    );
  });

  it("finds accented words whatever their encoding (composed or decomposed)", () => {
    const decomposed = "Le réseau a été déployé.".normalize("NFD");
    const span = new QuoteLocator(`Début. ${decomposed} Fin.`).find("Le réseau a été déployé.");
    expect(span).toEqual({ start: 7, end: 7 + decomposed.length });
  });

  it("does not confuse accented and plain letters", () => {
    expect(covered("Le resume est court.", "Le résumé est court.")).toBeNull();
  });

  it("finds a CJK quote, also when a line break cuts it in the text", () => {
    const text = "据报道，虚构公司星河科技订购了一万块芯片。该公司拒绝置评。";
    expect(covered(text, "该公司拒绝置评。")).toBe("该公司拒绝置评。");
    const broken = "据报道，虚构公司星河科技订购了\n一万块芯片。";
    expect(covered(broken, "虚构公司星河科技订购了一万块芯片。")).toBe("虚构公司星河科技订购了\n一万块芯片。");
  });

  it("finds nothing for a quote the text does not hold, or an empty one", () => {
    const locator = new QuoteLocator("Velda Systems ordered 500 boards.");
    expect(locator.find("Velda Systems sold 500 boards.")).toBeNull();
    expect(locator.find("   ")).toBeNull();
  });

  it("counts offsets in UTF-16 code units, as the browser does, after characters outside the BMP", () => {
    const text = "📈 Velda grew. 𝔸 Sorel shrank.";
    const span = new QuoteLocator(text).find("Sorel shrank.");
    expect(span && text.slice(span.start, span.end)).toBe("Sorel shrank.");
  });
});

describe("locateQuotes", () => {
  const text = "Sorel denied it. Velda ordered 500 boards. Velda later said more. Sorel denied it.";

  it("takes a quote that appears twice at its first occurrence after the previous claim's", () => {
    const spans = locateQuotes(text, ["Sorel denied it.", "Velda later said more.", "Sorel denied it."]);
    expect(spans.map((span) => span?.start)).toEqual([0, 43, 66]);
  });

  it("gives claims read in one sentence the same place", () => {
    const spans = locateQuotes(text, ["Velda ordered 500 boards.", "Velda ordered 500 boards."]);
    expect(spans[0]).toEqual(spans[1]);
  });

  it("looks from the top again when claims are not in reading order", () => {
    const spans = locateQuotes(text, ["Velda later said more.", "Velda ordered 500 boards."]);
    expect(spans.map((span) => span?.start)).toEqual([43, 17]);
  });

  it("gives overlapping quotes overlapping places", () => {
    const [whole, part] = locateQuotes(text, [
      "Velda ordered 500 boards. Velda later said more.",
      "Velda later said more.",
    ]);
    expect(whole).toEqual({ start: 17, end: 65 });
    expect(part).toEqual({ start: 43, end: 65 });
  });
});

describe("planIngest with the article's text", () => {
  const file = (text: string | undefined) => {
    const claim = (quote: string, object: string) => ({
      subject: "Velda Systems",
      predicate: "ORDERED",
      object,
      source: "fictional-wire",
      certainty: "reported",
      quote,
      quoteLang: "en",
      quoteEn: quote,
      reportedAt: "2024-03-01",
    });
    const { file: valid, problems } = validateClaimsFile(
      {
        format: "claims/1",
        fictional: true,
        article: {
          id: "fictional-velda-order",
          title: "A fictional order",
          source: "fictional-wire",
          language: "en",
          publishedAt: "2024-03-01",
          ...(text === undefined ? {} : { text }),
        },
        sources: [{ id: "fictional-wire", name: "Fictional Wire", grade: "C" }],
        entities: [
          { name: "Velda Systems", label: "Company" },
          { name: "Sorel Boards", label: "Product" },
          { name: "Arko Chips", label: "Chip" },
        ],
        claims: [
          claim("Velda Systems reportedly ordered Sorel Boards.", "Sorel Boards"),
          claim("Velda Systems reportedly ordered Arko Chips.", "Arko Chips"),
        ],
      },
      new Date("2025-01-01"),
    );
    expect(problems).toEqual([]);
    return valid as ClaimsFile;
  };
  const text = "Fictional news. Velda Systems reportedly ordered\nSorel Boards. Nothing else.";

  it("stores the text on the article and each found quote's offsets on its claim", () => {
    const { plan } = planIngest(file(text), []);
    expect(plan?.article.props.text).toBe(text);
    expect(plan?.claims[0]?.props).toMatchObject({ start: 16, end: 62 });
  });

  it("reports a quote not found as a notice, writes the claim without offsets, and is not refused", () => {
    const { plan, problems } = planIngest(file(text), []);
    expect(problems).toEqual([]);
    expect(plan?.claims[1]?.props.start).toBeUndefined();
    expect(plan?.notices).toEqual([{ path: "$.claims[1].quote", message: expect.stringContaining("not found") }]);
  });

  it("locates quotes in the stored text when the file has none, and gives no notice without any text", () => {
    expect(planIngest(file(undefined), [], text).plan?.claims[0]?.props).toMatchObject({ start: 16 });
    const bare = planIngest(file(undefined), []).plan;
    expect(bare?.notices).toEqual([]);
    expect(bare?.claims.every((claim) => claim.props.start === undefined)).toBe(true);
  });

  it("refuses an empty text and one over 200,000 characters", () => {
    const base = JSON.parse(JSON.stringify(file(text))) as { article: { text: string } };
    base.article.text = "  \n ";
    expect(validateClaimsFile(base).problems[0]?.path).toBe("$.article.text");
    base.article.text = "x".repeat(200_001);
    expect(validateClaimsFile(base).problems[0]?.path).toBe("$.article.text");
  });
});
