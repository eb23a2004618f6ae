import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import compression from "compression";
import type { Request, RequestHandler, Response } from "express";

/** Answers smaller than this go as they are: compression would save less than its own headers' worth. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;
/**
 * Whole answers up to this size (most API answers: a Cypher result under its row cap, a node, an
 * expansion) are compressed in one synchronous call. The streaming compressor hands every answer to
 * libuv's thread pool and back, which cost about 1 ms of latency on a 6 KB answer (decision 0006);
 * compressing 100 KB of JSON at these levels takes well under that on the event loop.
 */
export const WHOLE_BODY_MAX_BYTES = 100 * 1024;

const GZIP_LEVEL = 1;
const BROTLI_QUALITY = 1;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/**
 * Compresses answers of 1 KB and more (brotli when the client takes it, else gzip): graph JSON
 * shrinks about tenfold, which is what an analyst on a remote server waits for. The fastest levels,
 * because on this data they keep most of the gain (2.5 MB of /api/graph: 204 KB at brotli 1 in
 * about 7 ms, 166 KB at brotli 4 in about 25 ms) and the server's CPU serves the queries.
 * Answers sent whole (res.json, res.send) up to WHOLE_BODY_MAX_BYTES are compressed at once, on the
 * event loop; bigger or streamed answers go through the `compression` package's streams.
 */
export function responseCompression(): RequestHandler {
  const streaming = compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    level: GZIP_LEVEL,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  });
  return (req, res, next) => {
    streaming(req, res, (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      compressWholeBodies(req, res);
      next();
    });
  };
}

/**
 * Wraps `res.end` (over the streaming compressor's own wrapper): a body handed over in one piece,
 * before any `res.write`, is compressed here when the streaming compressor would have compressed
 * it. The encoded body then carries Content-Encoding, which tells the streaming compressor to
 * leave it alone.
 */
function compressWholeBodies(req: Request, res: Response): void {
  let streamed = false;
  const write = res.write;
  res.write = function (this: Response, ...args: Parameters<Response["write"]>) {
    streamed = true;
    return write.apply(this, args);
  } as Response["write"];
  const end = res.end;
  res.end = function (this: Response, ...args: unknown[]) {
    const [chunk, encoding, callback] = args;
    const body = streamed || res.headersSent ? undefined : asBuffer(chunk, encoding);
    const method = body ? wholeBodyEncoding(req, res, body.length) : undefined;
    if (!body || !method) return end.apply(this, args as Parameters<Response["end"]>);
    const encoded =
      method === "br"
        ? brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : gzipSync(body, { level: GZIP_LEVEL });
    res.vary("Accept-Encoding");
    res.setHeader("Content-Encoding", method);
    res.setHeader("Content-Length", encoded.length);
    const done = typeof encoding === "function" ? encoding : callback;
    return end.apply(
      this,
      (typeof done === "function" ? [encoded, done] : [encoded]) as unknown as Parameters<Response["end"]>,
    );
  } as Response["end"];
}

function asBuffer(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk !== "string") return undefined;
  return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

/** The encoding the streaming compressor would choose for this answer, when it is brotli or gzip. */
function wholeBodyEncoding(req: Request, res: Response, length: number): "br" | "gzip" | undefined {
  if (length < COMPRESSION_THRESHOLD_BYTES || length > WHOLE_BODY_MAX_BYTES) return undefined;
  if (req.method === "HEAD" || res.statusCode === 204 || res.statusCode === 304) return undefined;
  const type = res.getHeader("Content-Type");
  if (typeof type !== "string" || !compressibleType(type)) return undefined;
  const cacheControl = res.getHeader("Cache-Control");
  if (typeof cacheControl === "string" && NO_TRANSFORM.test(cacheControl)) return undefined;
  const current = res.getHeader("Content-Encoding");
  if (current !== undefined && current !== "identity") return undefined;
  return preferredEncoding(req.headers["accept-encoding"]);
}

/** The types this server sends whole and `compressible` accepts; anything else takes the streaming path. */
function compressibleType(type: string): boolean {
  return /^\s*(?:application\/(?:json|[\w.+-]+\+json|javascript|xml|[\w.+-]+\+xml)|text\/[\w.+-]+|image\/svg\+xml)\s*(?:;|$)/i.test(
    type,
  );
}

/**
 * Reads Accept-Encoding as the streaming compressor does (Negotiator, brotli then gzip preferred at
 * equal quality): the best of br, gzip, deflate and identity, or undefined when it is not br or
 * gzip (deflate, identity, nothing acceptable, no header), which the streaming path then handles.
 */
export function preferredEncoding(header: string | string[] | undefined): "br" | "gzip" | undefined {
  if (typeof header !== "string" || header.trim() === "") return undefined;
  const given = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...parameters] = part.split(";").map((piece) => piece.trim());
    if (name === "") continue;
    let q = 1;
    for (const parameter of parameters) {
      const match = /^q\s*=\s*([0-9.]+)$/i.exec(parameter);
      if (match) q = Number(match[1]);
    }
    if (Number.isFinite(q)) given.set(name.toLowerCase(), q);
  }
  const star = given.get("*");
  const quality = (name: string) => given.get(name) ?? star ?? 0;
  const br = quality("br");
  const gzip = quality("gzip");
  const best = br >= gzip ? { name: "br" as const, q: br } : { name: "gzip" as const, q: gzip };
  if (best.q <= 0) return undefined;
  // deflate wins only with a strictly higher quality (brotli and gzip are preferred on a tie), and
  // identity too; an unlisted identity ranks with the lowest quality given, so it never wins here.
  if (quality("deflate") > best.q) return undefined;
  if (given.has("identity") && (given.get("identity") as number) > best.q) return undefined;
  return best.name;
}
