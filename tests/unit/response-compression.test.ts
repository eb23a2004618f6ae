import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COMPRESSION_THRESHOLD_BYTES,
  preferredEncoding,
  responseCompression,
  WHOLE_BODY_MAX_BYTES,
} from "../../server/src/http/response-compression";

/** A JSON answer of about `bytes`, made of fictional rows. */
function answerOf(bytes: number): { rows: string[][] } {
  const rows: string[][] = [];
  for (let i = 0; JSON.stringify({ rows }).length < bytes; i += 1) rows.push([`fictional-company-${i}`, "SUPPLIES"]);
  return { rows };
}

const small = { status: "ok" };
const medium = answerOf(6_000);
const large = answerOf(WHOLE_BODY_MAX_BYTES + 20_000);

interface Answer {
  status: number;
  headers: { [name: string]: string | string[] | undefined };
  body: Buffer;
}

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const app = express();
  app.use(responseCompression());
  app.get("/small", (_req, res) => {
    res.json(small);
  });
  app.get("/medium", (_req, res) => {
    res.json(medium);
  });
  app.post("/medium", (_req, res) => {
    res.json(medium);
  });
  app.get("/large", (_req, res) => {
    res.json(large);
  });
  app.get("/no-transform", (_req, res) => {
    res.set("Cache-Control", "private, no-transform").json(medium);
  });
  // Written in pieces: only the streaming compressor can take it.
  app.get("/streamed", (_req, res) => {
    res.type("application/json");
    const text = JSON.stringify(medium);
    res.write(text.slice(0, 3000));
    res.end(text.slice(3000));
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function get(path: string, acceptEncoding?: string, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding };
    request(`${baseUrl}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on("error", reject)
      .end();
  });
}

function decoded(answer: Answer): unknown {
  const encoding = answer.headers["content-encoding"];
  const bytes =
    encoding === "br"
      ? brotliDecompressSync(answer.body)
      : encoding === "gzip"
        ? gunzipSync(answer.body)
        : encoding === "deflate"
          ? inflateSync(answer.body)
          : answer.body;
  return JSON.parse(bytes.toString("utf8"));
}

describe("response compression of whole answers", () => {
  it("compresses a whole answer at once: brotli, its length known, the same JSON once decoded", async () => {
    const answer = await get("/medium", "gzip, deflate, br");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    expect(String(answer.headers.vary)).toMatch(/accept-encoding/i);
    expect(decoded(answer)).toEqual(medium);
    expect(answer.body.length).toBeLessThan(JSON.stringify(medium).length / 3);
  });

  it("sends gzip to a client that takes only gzip, and compresses POST answers too", async () => {
    const answer = await get("/medium", "gzip", "POST");
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    expect(decoded(answer)).toEqual(medium);
  });

  it("leaves answers under the threshold, clients without Accept-Encoding and no-transform answers as they are", async () => {
    expect(JSON.stringify(small).length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    for (const [path, accept] of [
      ["/small", "gzip, br"],
      ["/medium", undefined],
      ["/medium", "identity"],
      ["/no-transform", "gzip, br"],
    ] as const) {
      const answer = await get(path, accept);
      expect(answer.headers["content-encoding"], `${path} ${accept}`).toBeUndefined();
      expect(decoded(answer)).toEqual(path === "/small" ? small : medium);
    }
  });

  it("sends nothing encoded for HEAD", async () => {
    const answer = await get("/medium", "gzip, br", "HEAD");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.length).toBe(0);
  });

  it("leaves big and streamed answers to the streaming compressor, which still compresses them", async () => {
    for (const path of ["/large", "/streamed"]) {
      const answer = await get(path, "gzip, deflate, br");
      expect(answer.headers["content-encoding"], path).toBe("br");
      expect(answer.headers["transfer-encoding"], path).toBe("chunked");
      expect(decoded(answer)).toEqual(path === "/large" ? large : medium);
    }
  });

  it("chooses the encoding the streaming compressor chooses, whatever the client asks", async () => {
    const headers = [
      "gzip, deflate, br",
      "gzip, deflate, br, zstd",
      "br;q=0.5, gzip",
      "gzip;q=0.2, br;q=0.8",
      "deflate",
      "deflate, gzip;q=0.5",
      "identity;q=1, gzip;q=0.5",
      "*",
      "*;q=0.1, gzip;q=0",
      "gzip;q=0, br;q=0",
      "compress",
      "",
    ];
    for (const header of headers) {
      const whole = await get("/medium", header);
      const streamed = await get("/streamed", header);
      expect(whole.headers["content-encoding"], header).toBe(streamed.headers["content-encoding"]);
      expect(decoded(whole), header).toEqual(medium);
    }
  });
});

describe("preferredEncoding", () => {
  it("prefers brotli, then gzip, at equal quality, and follows the client's qualities otherwise", () => {
    expect(preferredEncoding("gzip, deflate, br")).toBe("br");
    expect(preferredEncoding("br;q=0.5, gzip")).toBe("gzip");
    expect(preferredEncoding("*")).toBe("br");
    expect(preferredEncoding("gzip;q=0, br;q=0")).toBeUndefined();
    expect(preferredEncoding("deflate, gzip;q=0.5")).toBeUndefined();
    expect(preferredEncoding(undefined)).toBeUndefined();
  });
});
