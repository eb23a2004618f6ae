/**
 * An article's text from a file the analyst drops or chooses, read in the browser: .txt and .md as
 * UTF-8 text, .html through Readability (the main text, never a script or a style: the document is
 * parsed, not rendered), .pdf through pdf.js's text layer. A file that is not what its name says
 * (an image renamed .txt), or a PDF without a text layer, is refused with a message that says so.
 */
import { Readability } from "@mozilla/readability";

/** The largest file read at all: a PDF of a long report; any article's text is far smaller. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type ArticleFileKind = "txt" | "md" | "html" | "pdf";

export interface ArticleText {
  text: string;
  kind: ArticleFileKind;
  /** The document's own title, when it has one (HTML <title>, PDF metadata). */
  title?: string;
}

/** Why a file gave no text: shown to the analyst as it is. */
export class UnreadableFile extends Error {
  override readonly name = "UnreadableFile";
}

/** The page's text items as pdf.js gives them. */
interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}
/** The part of pdf.js' API this module uses (the browser's build or the legacy build in tests). */
export interface PdfJs {
  getDocument(source: { data: Uint8Array; isEvalSupported?: boolean; useSystemFonts?: boolean }): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }> }>;
      getMetadata(): Promise<{ info?: unknown }>;
      destroy(): Promise<void>;
    }>;
  };
}

export interface FileReaders {
  /** Parses HTML without running or rendering anything (DOMParser in the browser). */
  parseHtml(html: string): Document;
  /** pdf.js, loaded when the first PDF comes. */
  pdfjs(): Promise<PdfJs>;
}

const EXTENSIONS: Record<string, ArticleFileKind> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  html: "html",
  htm: "html",
  xhtml: "html",
  pdf: "pdf",
};

/** What a file's first bytes say it is, when it is a known binary format. */
function sniff(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46)) return "a PDF";
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "a PNG image";
  if (starts(0xff, 0xd8, 0xff)) return "a JPEG image";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "a GIF image";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return "a WebP image";
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "a ZIP archive (a Word or OpenDocument file?)";
  if (starts(0x1f, 0x8b)) return "a gzip archive";
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return "an old Microsoft Office file";
  return null;
}

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is not text this reader takes. */
function decode(bytes: Uint8Array, name: string): string {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le", { fatal: true }).decode(bytes);
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be", { fatal: true }).decode(bytes);
    else text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFile(`${name} is not UTF-8 text: it may be binary, or saved in an older encoding.`);
  }
  const controls = [...text.slice(0, 100_000)].filter((character) => {
    const code = character.codePointAt(0) ?? 0;
    return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;
  }).length;
  if (controls > 0)
    throw new UnreadableFile(`${name} contains binary data (control characters): it is not a text file.`);
  return text.replace(/^\uFEFF/, "");
}

/** Paragraphs separated by one blank line, spaces within a line collapsed. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Markdown's markup removed, its text kept: headings, emphasis, links and images by their words. */
export function markdownToText(markdown: string): string {
  return tidyText(
    markdown
      .replace(/^---\n[\s\S]*?\n---\n/, "")
      .replace(/```[^\n]*\n([\s\S]*?)```/g, "$1")
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, "")
      .replace(/^[ \t]{0,3}>[ \t]?/gm, "")
      .replace(/^[ \t]*[-*+][ \t]+/gm, "")
      .replace(/(\*\*|__)(.+?)\1/g, "$2")
      .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, "$1$2")
      .replace(/`([^`]+)`/g, "$1"),
  );
}

const BLOCKS = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TR UL".split(
    " ",
  ),
);
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "SVG", "CANVAS", "HEAD"]);

/** A node's text as a reader sees it: blocks as paragraphs, <br> as a line break, no script or style. */
function readableText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? "").replace(/\s+/g, " "));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === "BR") {
      parts.push("\n");
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) parts.push("\n\n");
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) parts.push("\n\n");
  };
  walk(root);
  return tidyText(parts.join(""));
}

const INERT_AWAY =
  "script, style, iframe, frame, frameset, object, embed, link, meta, base, noscript, template, svg, math";
const LOADING = ["src", "srcset", "srcdoc", "style", "background", "poster", "data"];

/**
 * Takes out of a parsed page whatever could run or load: script-like elements, every on…
 * handler attribute, and src / srcset / srcdoc / style. A DOMParser document runs nothing by
 * itself; this keeps it so, whatever reads it next.
 */
function defuse(page: Document): Document {
  for (const element of Array.from(page.querySelectorAll(INERT_AWAY))) element.remove();
  for (const element of Array.from(page.querySelectorAll("*"))) {
    for (const { name } of Array.from(element.attributes)) {
      if (/^on/i.test(name) || LOADING.includes(name.toLowerCase())) element.removeAttribute(name);
    }
  }
  return page;
}

/** The main text of an HTML page (Readability), else its body's text; never runs or renders it. */
export function htmlToText(page: string, parseHtml: FileReaders["parseHtml"]): { text: string; title?: string } {
  // A fragment (no <html>) is read as a page's body.
  const html = /<html[\s>]/i.test(page) ? page : `<!doctype html><html><head></head><body>${page}</body></html>`;
  // Handler attributes renamed before parsing, so that no handler is even compiled (the page's CSP would refuse it anyway).
  const parse = (markup: string) =>
    defuse(parseHtml(markup.replace(/<[^>]*>/g, (tag) => tag.replace(/(\s)on([a-z]+\s*=)/gi, "$1data-was-on$2"))));
  const document = parse(html);
  const title = document.title?.trim() || undefined;
  let text = "";
  try {
    const article = new Readability(parse(html), { charThreshold: 200 }).parse();
    if (article?.content)
      text = readableText(parse(`<!doctype html><html><head></head><body>${article.content}</body></html>`).body);
  } catch {
    // Readability could not read this page: its body's text below.
  }
  if (text.length < 200) {
    const body = readableText(document.body ?? document.documentElement);
    if (body.length > text.length) text = body;
  }
  return title ? { text, title } : { text };
}

/** Every page's text, lines where the PDF ends them, pages as paragraphs. */
export async function pdfToText(pdfjs: PdfJs, data: Uint8Array): Promise<{ text: string; title?: string }> {
  let document: Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
  try {
    document = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: true }).promise;
  } catch (error) {
    const why =
      error instanceof Error && error.name === "PasswordException"
        ? "it is password-protected"
        : "it is damaged or not a PDF";
    throw new UnreadableFile(`This PDF cannot be opened: ${why}.`);
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { items } = await page.getTextContent();
      pages.push(
        (items as PdfTextItem[])
          .map((item) => `${item.str ?? ""}${item.hasEOL ? "\n" : ""}`)
          .join("")
          // A line broken at a hyphen joins again.
          .replace(/(\p{L})-\n(\p{Ll})/gu, "$1$2"),
      );
    }
    const info = (await document.getMetadata().catch(() => ({ info: undefined }))).info as
      | { Title?: unknown }
      | undefined;
    const title = typeof info?.Title === "string" && info.Title.trim() ? info.Title.trim() : undefined;
    const text = tidyText(pages.join("\n\n"));
    return title ? { text, title } : { text };
  } finally {
    await document.destroy();
  }
}

/** The text of a dropped or chosen file, or UnreadableFile saying why there is none. */
export async function fileToText(name: string, bytes: Uint8Array, readers: FileReaders): Promise<ArticleText> {
  const extension = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const kind = EXTENSIONS[extension];
  if (!kind)
    throw new UnreadableFile(
      `${name}: only .txt, .md, .html and .pdf files can be read${extension ? `, not .${extension}` : ""}. Or paste the text.`,
    );
  if (bytes.length === 0) throw new UnreadableFile(`${name} is empty.`);
  if (bytes.length > MAX_FILE_BYTES)
    throw new UnreadableFile(
      `${name} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; files of at most ${MAX_FILE_BYTES / 1024 / 1024} MB are read.`,
    );
  const actually = sniff(bytes);
  if (kind === "pdf") {
    if (actually !== "a PDF") throw new UnreadableFile(`${name} is not a PDF${actually ? `: it is ${actually}` : ""}.`);
    const { text, title } = await pdfToText(await readers.pdfjs(), bytes);
    if (text.replace(/\s/g, "").length < 20)
      throw new UnreadableFile(
        "This PDF has no text layer (it is scanned images): it needs OCR (text recognition) before its text can be read here.",
      );
    return title ? { text, kind, title } : { text, kind };
  }
  if (actually)
    throw new UnreadableFile(`${name} is ${actually}, not a .${extension} text file: it may have been renamed.`);
  const raw = decode(bytes, name);
  if (kind === "html") {
    const { text, title } = htmlToText(raw, readers.parseHtml);
    if (!text) throw new UnreadableFile(`${name} has no readable text.`);
    return title ? { text, kind, title } : { text, kind };
  }
  const text = kind === "md" ? markdownToText(raw) : tidyText(raw);
  if (!text) throw new UnreadableFile(`${name} has no text (only spaces).`);
  return { text, kind };
}
