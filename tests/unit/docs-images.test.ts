/**
 * The pictures of the README and the guides in docs/ against the files and `npm run screenshot`:
 * every picture a document shows exists and has alt text, every picture in docs/images is one the
 * command retakes (so none goes stale), and every picture the command takes is shown somewhere.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/project-root";
import { SHOTS } from "../../scripts/screenshot-shots";

const IMAGES_DIR = join(projectRoot, "docs", "images");

/** README.md and every Markdown file under docs/. */
function documents(): string[] {
  const found = [join(projectRoot, "README.md")];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) found.push(path);
    }
  };
  walk(join(projectRoot, "docs"));
  return found;
}

interface ImageReference {
  /** The document, from the project's root. */
  document: string;
  line: number;
  alt: string;
  /** The picture's path from the project's root; null for one on another site. */
  file: string | null;
  target: string;
}

/** The pictures a Markdown text shows: `![alt](target "title")` and `<img src="…" alt="…">`, outside code. */
function imageReferences(markdown: string, document: string): ImageReference[] {
  const found: ImageReference[] = [];
  let fenced = false;
  markdown.split("\n").forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    if (fenced) return;
    const line = text.replace(/`[^`]*`/g, "");
    const add = (alt: string, target: string) => {
      const remote = /^[a-z][a-z0-9+.-]*:/i.test(target);
      const file = remote ? null : relative(projectRoot, resolve(dirname(join(projectRoot, document)), target));
      found.push({ document, line: index + 1, alt: alt.trim(), file, target });
    };
    for (const match of line.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      add(match[1] ?? "", decodeURI(match[2] ?? ""));
    for (const match of line.matchAll(/<img\b[^>]*>/gi)) {
      const tag = match[0];
      add(/\balt="([^"]*)"/i.exec(tag)?.[1] ?? "", /\bsrc="([^"]*)"/i.exec(tag)?.[1] ?? "");
    }
  });
  return found;
}

const references = documents().flatMap((path) =>
  imageReferences(readFileSync(path, "utf8"), relative(projectRoot, path)),
);
const where = (reference: ImageReference) => `${reference.document}:${reference.line} ${reference.target}`;
const shotFiles = SHOTS.map((shot) => `docs/images/${shot.name}.png`);

describe("the reading of image references", () => {
  it("finds Markdown and HTML pictures, relative to the document, and skips code", () => {
    const text = [
      "![The canvas](images/a.png)",
      'Text ![Two](../docs/images/b.png "title") and <img src="images/c.png" alt="C">',
      "`![not a picture](images/d.png)`",
      "```",
      "![nor this](images/e.png)",
      "```",
      "![](https://example.org/f.png)",
    ].join("\n");
    expect(imageReferences(text, "docs/guide.md").map(({ file, alt, line }) => ({ file, alt, line }))).toEqual([
      { file: "docs/images/a.png", alt: "The canvas", line: 1 },
      { file: "docs/images/b.png", alt: "Two", line: 2 },
      { file: "docs/images/c.png", alt: "C", line: 2 },
      { file: null, alt: "", line: 7 },
    ]);
  });
});

describe("the docs' pictures", () => {
  it("are found in the README and the user guide (the check looks at something)", () => {
    expect(references.some((reference) => reference.document === "README.md")).toBe(true);
    expect(references.filter((reference) => reference.document === "docs/user-guide.md").length).toBeGreaterThan(5);
  });

  it("exist, as files of the project (no picture from another site), each with alt text", () => {
    const problems = references.flatMap((reference) => {
      if (reference.file === null) return [`${where(reference)}: on another site, not retaken by npm run screenshot`];
      const found = (() => {
        try {
          return statSync(join(projectRoot, reference.file)).isFile();
        } catch {
          return false;
        }
      })();
      return [
        ...(found ? [] : [`${where(reference)}: no such file`]),
        ...(reference.alt === "" ? [`${where(reference)}: no alt text`] : []),
      ];
    });
    expect(problems).toEqual([]);
  });

  it("are all pictures npm run screenshot takes", () => {
    const untaken = references
      .filter((reference) => reference.file !== null && !shotFiles.includes(reference.file))
      .map(where);
    expect(untaken).toEqual([]);
  });

  it("leave no picture taken by npm run screenshot unused, and no other file in docs/images", () => {
    const shown = new Set(references.map((reference) => reference.file));
    expect(shotFiles.filter((file) => !shown.has(file))).toEqual([]);
    const stored = readdirSync(IMAGES_DIR).map((name) => `docs/images/${name}`);
    expect(stored.filter((file) => !shotFiles.includes(file))).toEqual([]);
  });

  it("names each picture once in npm run screenshot's list", () => {
    expect(new Set(shotFiles).size).toBe(shotFiles.length);
  });
});
