import type { z } from "zod";
import type { EndpointDocs } from "./endpoint-docs";

/** The roles of signed-in users, each allowed what the one before it is, and more. */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who may call an endpoint: a role (at least), or anyone, signed in or not ("public"). */
export type Access = Role | "public";

/**
 * One HTTP endpoint of the API, as both sides use it: the server registers its route at `path`
 * and parses `params`, `query` and `body` with these schemas; the client builds its URL from
 * `path` and checks the answer with `answer`. Later tools (an OpenAPI document, a route × role
 * table) read the same entries; what only the reference needs (errors, examples) is in EndpointDocs.
 */
export interface Endpoint extends EndpointDocs {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Express' form, the full path: `/api/nodes/:id`. */
  readonly path: `/api/${string}`;
  /** One schema per `:name` of the path, each parsing that segment alone. */
  readonly params?: { readonly [name: string]: z.ZodType<string, string> };
  readonly query?: z.ZodType;
  /** What the request sends as its body (JSON unless the endpoint says otherwise). */
  readonly body?: z.ZodType;
  /** The JSON answer of a success; null when the answer is not JSON (a file) or empty (204). */
  readonly answer: z.ZodType | null;
  /** What it does, in a line. */
  readonly summary: string;
  /** Who may call it when users sign in; by default viewers may GET and editors may write. */
  readonly access?: Access;
}

/** The access an endpoint needs: its own, else by method (GET: viewer; POST, DELETE: editor). */
export function endpointAccess(endpoint: Endpoint): Access {
  return endpoint.access ?? (endpoint.method === "GET" ? "viewer" : "editor");
}

/** True when `role` is `needed` or above it. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Keeps an endpoint's literal types (its path, its schemas), so callers are checked against them. */
export function defineEndpoint<const E extends Endpoint>(endpoint: E): E {
  return endpoint;
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The values of a path's `:name` segments. */
export type PathParams<E extends Endpoint> = { readonly [K in ParamNames<E["path"]>]: string };

/** Query values as a URL carries them, by the names the endpoint's query schema takes. */
export type QueryValues<E extends Endpoint> = E["query"] extends z.ZodType
  ? { readonly [K in keyof z.input<E["query"]>]?: string | number | undefined }
  : Record<string, never>;

/** The endpoint's path with each `:name` replaced by its value, URL-encoded. */
export function endpointPath<E extends Endpoint>(endpoint: E, params: PathParams<E>): string {
  const values = params as { readonly [name: string]: string };
  return endpoint.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${endpoint.path} needs a value for :${name}`);
    return encodeURIComponent(value);
  });
}

/** The path and query string of a request to `endpoint`; values left undefined are not sent. */
export function endpointUrl<E extends Endpoint>(endpoint: E, params: PathParams<E>, query?: QueryValues<E>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return `${endpointPath(endpoint, params)}${text ? `?${text}` : ""}`;
}
