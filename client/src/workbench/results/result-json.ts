import type { CypherResult } from "../../../../contract/graph-contract";
import { el } from "../../dom/el";

/** Past this many characters the JSON view shows the start and says so, to keep the page responsive. */
const MAX_CHARS = 400_000;

/** The answer exactly as the server sent it, pretty-printed. */
export function renderResultJson(result: CypherResult): HTMLElement {
  const text = JSON.stringify(result, null, 2);
  const cut = text.length > MAX_CHARS;
  return el(
    "div",
    { class: "result-json-body" },
    cut
      ? el(
          "p",
          { class: "wb-note" },
          `Showing the first ${MAX_CHARS.toLocaleString("en-US")} of ${text.length.toLocaleString("en-US")} characters.`,
        )
      : null,
    el("pre", { class: "result-json-text" }, cut ? `${text.slice(0, MAX_CHARS)}\n…` : text),
  );
}
