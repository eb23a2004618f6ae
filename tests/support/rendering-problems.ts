import type { ClaimEntry } from "../../contract/claims-file";

/** Words without their punctuation, case kept (a name stays a name). */
const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}'’-]+/u).filter((word) => word !== "");

const COMMENTARY =
  /\b(the article|the quote|the sentence|this claim|the claim|read (as|here)|calls? (it|them)|takes? .{1,40} as given|literally)\b/i;

/** The problems of one claim's rendering; empty when it reads as a translation. */
export function renderingProblems(claim: Pick<ClaimEntry, "quote" | "quoteEn" | "quoteLang">): string[] {
  const rendering = claim.quoteEn;
  if (rendering === undefined || claim.quoteLang === "en") return [];
  const problems: string[] = [];
  if (COMMENTARY.test(rendering)) problems.push("talks about the text instead of translating it");
  const ratio = rendering.length / claim.quote.length;
  if (ratio < 0.6 || ratio > 1.7) problems.push(`is ${ratio.toFixed(2)}× the quote's length`);
  // Four words of the original in a row, two of them lower-case prose (names and numbers stay as they are).
  const original = wordsOf(claim.quote);
  const rendered = ` ${wordsOf(rendering).join(" ")} `;
  for (let i = 0; i + 4 <= original.length; i++) {
    const run = original.slice(i, i + 4);
    const prose = run.filter((word) => /^\p{Ll}{3,}$/u.test(word)).length;
    if (prose >= 2 && rendered.includes(` ${run.join(" ")} `)) {
      problems.push(`quotes the original ("${run.join(" ")}")`);
      break;
    }
  }
  return problems;
}
