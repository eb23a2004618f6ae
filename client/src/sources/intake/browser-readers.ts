import type { FileReaders, PdfJs } from "./file-to-text";

/**
 * The browser's readers: DOMParser (a parsed document never runs its scripts, loads its images
 * or fires their handlers) and pdf.js, loaded with its worker (served from this origin, as the
 * CSP's script-src 'self' wants) when the first PDF comes, with eval turned off.
 */
export const browserReaders: FileReaders = {
  parseHtml: (html) => new DOMParser().parseFromString(html, "text/html"),
  pdfjs: async () => {
    const [pdfjs, worker] = await Promise.all([
      import("pdfjs-dist"),
      import("pdfjs-dist/build/pdf.worker.min.mjs?url"),
    ]);
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs as unknown as PdfJs;
  },
};
