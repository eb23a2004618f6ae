import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The README and the guides link to each other, to files of the project and to their pictures:
 * every relative link must reach a file that exists, and every `#anchor` a heading of that file,
 * so moving a section or renaming a file cannot leave a newcomer on a dead link.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const DOCS = [
  "README.md",
  "tests/README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");

const anchorsOf = (file: string) =>
  new Set(
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => anchorOf(line.replace(/^#+ /, ""))),
  );

/** Markdown links and images outside code blocks: `[text](target)`. */
function linksOf(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? "");
}

describe("documentation links", () => {
  it.each(DOCS)("%s links only to files and headings that exist", (doc) => {
    const file = join(ROOT, doc);
    const broken = linksOf(readFileSync(file, "utf8"))
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => {
        const [path = "", anchor] = target.split("#");
        const reached = path === "" ? file : resolve(dirname(file), path);
        if (!existsSync(reached)) return true;
        return anchor !== undefined && reached.endsWith(".md") && !anchorsOf(reached).has(anchor);
      });
    expect(broken).toEqual([]);
  });

  it("finds a broken link and a missing heading", () => {
    expect(linksOf("see [a](docs/none.md) and ![b](images/x.png) but not `[c](d)`")).toEqual([
      "docs/none.md",
      "images/x.png",
    ]);
    expect(anchorOf("Backups and restore")).toBe("backups-and-restore");
    expect(anchorOf("The legend is the filter")).toBe("the-legend-is-the-filter");
  });
});
