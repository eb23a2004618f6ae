/**
 * File to text, as the New article form reads a dropped file: .txt, .md, .html (main text, never a
 * script), .pdf (its text layer; without one, "needs OCR"), and files that are not what their name
 * says. The DOM parser is linkedom's (it runs no scripts) and pdf.js is its legacy build for Node;
 * the PDFs are made here. Every article is FICTIONAL.
 */
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import {
  type FileReaders,
  fileToText,
  htmlToText,
  markdownToText,
  type PdfJs,
  UnreadableFile,
} from "../../client/src/sources/intake/file-to-text";

const readers: FileReaders = {
  parseHtml: (html) => new DOMParser().parseFromString(html, "text/html") as unknown as Document,
  pdfjs: async () => (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfJs,
};
const bytes = (text: string) => new TextEncoder().encode(text);

/** A one-page PDF whose page draws `content` (PDF operators); offsets computed, so pdf.js needs no repair. */
function pdf(content: string): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return bytes(body);
}

describe("fileToText", () => {
  it("reads a .txt file as UTF-8, paragraphs kept, spaces tidied", async () => {
    const text = "\uFEFFFictional Ardent Foundry   ships wafers.\r\n\r\n\r\nA second   paragraph.";
    expect(await fileToText("a.txt", bytes(text), readers)).toEqual({
      kind: "txt",
      text: "Fictional Ardent Foundry ships wafers.\n\nA second paragraph.",
    });
  });

  it("reads a .md file by its words, without its markup", async () => {
    const markdown =
      "# Fictional headline\n\nSelon **Reuters**, [Ardent](https://example.org) aurait *commandé* des puces.\n\n- un point";
    const { text } = await fileToText("a.md", bytes(markdown), readers);
    expect(text).toBe("Fictional headline\n\nSelon Reuters, Ardent aurait commandé des puces.\n\nun point");
    expect(markdownToText("`code` and __bold__")).toBe("code and bold");
  });

  it("reads an .html page's main text and title, leaving scripts, styles and handlers out", async () => {
    const paragraph =
      "Fictional Ardent Foundry has ordered ten thousand wafers from Fictional Lumen Silicon, according to two people familiar with the matter, in a deal said to be worth two billion dollars.";
    const html = `<!doctype html><html><head><title>Fictional wafer deal</title><style>p{color:red}</style>
      <script>window.ran = true; document.write("INJECTED")</script></head>
      <body><nav>Home | World | Tech</nav><article><h1>Fictional wafer deal</h1><p>${paragraph}</p>
      <p>${paragraph.replace("ten", "twenty")}</p><img src="x" onerror="window.ran = true"></article>
      <footer>© Fictional Gazette</footer></body></html>`;
    const answer = await fileToText("page.html", bytes(html), readers);
    expect(answer.kind).toBe("html");
    expect(answer.title).toBe("Fictional wafer deal");
    expect(answer.text).toContain(paragraph);
    expect(answer.text).toContain("\n\n");
    expect(answer.text).not.toMatch(/window\.ran|INJECTED|color:red|onerror/);
  });

  it("reads the body of a short page Readability leaves alone", () => {
    const { text } = htmlToText("<p>Fictional: a short note.</p><script>alert(1)</script>", readers.parseHtml);
    expect(text).toBe("Fictional: a short note.");
  });

  it("reads a .pdf's text layer", async () => {
    const file = pdf("BT /F1 12 Tf 72 720 Td (Fictional Ardent Foundry ordered wafers.) Tj ET");
    const answer = await fileToText("report.pdf", file, readers);
    expect(answer).toMatchObject({ kind: "pdf" });
    expect(answer.text).toContain("Fictional Ardent Foundry ordered wafers.");
  });

  it("says a PDF without a text layer needs OCR", async () => {
    const scanned = pdf("0.2 0.2 0.2 rg 72 72 400 600 re f");
    await expect(fileToText("scan.pdf", scanned, readers)).rejects.toThrow(/no text layer.*needs OCR/);
  });

  it("refuses an image renamed .txt, binary bytes, other encodings, other formats and empty files", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(fileToText("photo.txt", png, readers)).rejects.toThrow(/PNG image, not a \.txt/);
    await expect(fileToText("data.txt", new Uint8Array([0x41, 0x00, 0x42, 0x43]), readers)).rejects.toThrow(
      /binary data/,
    );
    await expect(fileToText("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20]), readers)).rejects.toThrow(
      /not UTF-8/,
    );
    await expect(fileToText("fake.pdf", bytes("just text"), readers)).rejects.toThrow(/not a PDF/);
    await expect(fileToText("a.docx", bytes("x"), readers)).rejects.toThrow(/only \.txt, \.md, \.html and \.pdf/);
    await expect(fileToText("empty.txt", new Uint8Array(), readers)).rejects.toThrow(/empty/);
    await expect(fileToText("blank.md", bytes("  \n\n "), readers)).rejects.toBeInstanceOf(UnreadableFile);
  });
});
