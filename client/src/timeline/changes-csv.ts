import type { Change } from "../../../contract/timeline-endpoints";
import { csvCell } from "../../../formats/graph-to-csv";
import { CHANGE_HEADINGS } from "./timeline-model";

/** Spreadsheets read a CSV as UTF-8 (accents, Chinese names) when it starts with this mark. */
const BOM = "\uFEFF";

const HEADER = [
  "change",
  "what",
  "relationship type",
  "before",
  "after",
  "claim reported",
  "outlet",
  "stance",
  "certainty",
  "valid from",
  "valid to",
  "sentence",
  "sentence language",
  "English rendering",
  "article id",
  "claim id",
];

/**
 * The change list as an evidence table: one row per claim of each change (a change without claims
 * keeps one row); the file's name says the period compared. UTF-8 with a byte order mark, CRLF lines.
 */
export function changesToCsv(changes: readonly Change[]): string {
  const rows: string[][] = [];
  for (const change of changes) {
    const head = [
      CHANGE_HEADINGS[change.kind],
      change.label,
      change.type ?? "",
      change.before ?? "",
      change.after ?? "",
    ];
    if (change.claims.length === 0) rows.push([...head, ...HEADER.slice(head.length).map(() => "")]);
    for (const claim of change.claims) {
      rows.push([
        ...head,
        claim.reportedAt,
        claim.outlet.name,
        claim.stance,
        claim.certainty,
        claim.validFrom ?? "",
        claim.validTo ?? "",
        claim.quote,
        claim.quoteLang,
        claim.quoteEn ?? "",
        claim.articleId ?? "",
        claim.id,
      ]);
    }
  }
  return `${BOM}${[HEADER, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
