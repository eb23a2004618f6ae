import { type ViewState, viewStateSchema } from "../../../contract/graph-contract";

/** The URL hash of a shared view: `#view=1.` then the view state as deflated JSON in base64url. */
const HASH_KEY = "view=";
const VERSION = "1";

/** A link whose view cannot be read: damaged, cut short, or from an unknown version. */
export class ViewLinkError extends Error {
  override name = "ViewLinkError";
}

export async function encodeViewState(state: ViewState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return `${HASH_KEY}${VERSION}.${toBase64Url(await transform(json, new CompressionStream("deflate-raw")))}`;
}

/** The hash fragment (with or without '#') names a view. */
export function hasViewState(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(HASH_KEY);
}

/** Reads a hash made by encodeViewState; throws ViewLinkError with a reason an analyst can act on. */
export async function decodeViewState(hash: string): Promise<ViewState> {
  const fragment = hash.replace(/^#/, "");
  if (!fragment.startsWith(HASH_KEY)) throw new ViewLinkError("The link holds no view.");
  const body = fragment.slice(HASH_KEY.length);
  const dot = body.indexOf(".");
  const version = dot < 0 ? "" : body.slice(0, dot);
  if (version !== VERSION)
    throw new ViewLinkError(`The link's view is in a format this version does not know (${version || "none"}).`);
  let json: string;
  try {
    const bytes = await transform(fromBase64Url(body.slice(dot + 1)), new DecompressionStream("deflate-raw"));
    json = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ViewLinkError("The link is damaged or cut short: its view cannot be read.");
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ViewLinkError("The link is damaged: its view is not valid data.");
  }
  const parsed = viewStateSchema.safeParse(value);
  if (!parsed.success) throw new ViewLinkError("The link's view is incomplete or malformed.");
  return parsed.data;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ViewLinkError("The link holds characters a view never has.");
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
}
