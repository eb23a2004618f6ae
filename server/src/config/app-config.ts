import { z } from "zod";
import type { Role } from "../../../contract/endpoint";

/** OIDC_*: the organisation's OpenID Connect provider, and how its claims become a user and a role. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back; by default this server's /api/auth/oidc/callback. */
  redirectUrl: string | undefined;
  /** The ID token claim that names the user (falls back to email, then sub). */
  nameClaim: string;
  /** The claim holding the user's groups or roles (a string or a list). */
  roleClaim: string;
  /** Claim values to roles, the highest match wins. */
  roleMap: ReadonlyMap<string, Role>;
  /** The role of a user none of whose values is mapped; undefined: such users are refused. */
  defaultRole: Role | undefined;
}

/** `analysts=editor, it-admins=admin` as a map; a role that is none of the three stops start-up. */
export function parseRoleMap(text: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const eq = pair.lastIndexOf("=");
    const role = pair.slice(eq + 1).trim();
    if (eq <= 0 || !["viewer", "editor", "admin"].includes(role)) {
      throw new Error(`Invalid configuration: OIDC_ROLE_MAP: "${pair}" is not value=viewer|editor|admin`);
    }
    map.set(pair.slice(0, eq).trim(), role as Role);
  }
  return map;
}

/** `APP_TOKEN=` in .env means "no token", as if the line were not there. */
const optionalToken = (name: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(z.string().min(16, `${name} must be at least 16 characters (e.g. openssl rand -hex 24)`).optional());

const configSchema = z.object({
  NEO4J_URI: z.string().min(1).default("bolt://127.0.0.1:7687"),
  NEO4J_USERNAME: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.string().min(1).default("neo4j"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How long one graph query may run before Neo4j stops it. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Past this, an API request is answered 504 whatever it waits for (a frozen Neo4j, retries). */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  REQUEST_BODY_MAX_BYTES: z.coerce.number().int().positive().default(262_144),
  /** Bodies of `POST /api/views` (a view's state names thousands of nodes with positions). */
  VIEW_BODY_MAX_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Bodies of `POST /api/claims` (claims files carry long quotes and many claims). */
  CLAIMS_BODY_MAX_BYTES: z.coerce.number().int().positive().default(2_097_152),
  /** Relationships one graph answer (overview, expansion, lookup) carries at most. */
  GRAPH_MAX_EDGES: z.coerce.number().int().positive().default(20_000),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
  /** Wrong tokens one address may send per window before it is refused (429) until the window ends. */
  AUTH_FAILURE_MAX: z.coerce.number().int().positive().default(10),
  AUTH_FAILURE_WINDOW_MS: z.coerce.number().int().positive().default(300_000),
  /** Express' `trust proxy`: false, true, a number of hops, or addresses and subnets. */
  TRUST_PROXY: z.string().default("false"),
  CORS_ORIGINS: z.string().default(""),
  /** Where analysts reach the app (`https://graph.example.org/`): links printed in exports start with it. Empty: the page's own address. */
  PUBLIC_BASE_URL: z
    .string()
    .trim()
    .default("")
    .refine((value) => value === "" || /^https?:\/\/[^\s/?#]+[^\s?#]*$/.test(value), {
      message: "PUBLIC_BASE_URL must be an http(s) address without query or fragment, e.g. https://graph.example.org/",
    }),
  APP_TOKEN: optionalToken("APP_TOKEN"),
  WRITE_TOKEN: optionalToken("WRITE_TOKEN"),
  /** `accounts`: users sign in (the default); `token`: the single-user mode of APP_TOKEN and WRITE_TOKEN. Empty: token when either is set. */
  AUTH_MODE: z.enum(["accounts", "token", ""]).default(""),
  /** A session ends after this long without a request, and this long after sign-in whatever its use. */
  SESSION_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().default(28_800_000),
  SESSION_MAX_AGE_MS: z.coerce.number().int().positive().default(604_800_000),
  /** The session cookie's Secure flag: auto (when the request came over https), always, never. */
  SESSION_COOKIE_SECURE: z.enum(["auto", "always", "never"]).default("auto"),
  /** Keys the page's CSRF tokens in accounts mode; set the same on every server behind one load balancer. */
  AUTH_SECRET: optionalToken("AUTH_SECRET"),
  /** OpenID Connect (accounts mode): the provider's issuer URL, this app's client id and secret. */
  OIDC_ISSUER: z.string().default(""),
  OIDC_CLIENT_ID: z.string().default(""),
  OIDC_CLIENT_SECRET: z.string().default(""),
  /** Where the provider sends the browser back; empty: this server's /api/auth/oidc/callback. */
  OIDC_REDIRECT_URL: z.string().default(""),
  OIDC_NAME_CLAIM: z.string().min(1).default("preferred_username"),
  OIDC_ROLE_CLAIM: z.string().min(1).default("groups"),
  /** Claim values to roles: `analysts=editor,it-admins=admin`; the highest match wins. */
  OIDC_ROLE_MAP: z.string().default(""),
  /** The role of a user none of whose values is mapped; empty: refused. */
  OIDC_DEFAULT_ROLE: z.enum(["viewer", "editor", "admin", ""]).default(""),
  /** Failed sign-ins one account may have per AUTH_FAILURE_WINDOW_MS, from any address. */
  SIGN_IN_FAILURE_MAX_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  /** How long SIGTERM waits for requests in flight before cutting them. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().nonnegative().default(10_000),
  /** The Cypher workbench's limits. */
  CYPHER_ROW_CAP: z.coerce.number().int().positive().default(1_000),
  CYPHER_MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(5_000_000),
  CYPHER_MAX_QUERY_LENGTH: z.coerce.number().int().positive().default(20_000),
  CYPHER_MAX_PARAM_DEPTH: z.coerce.number().int().positive().default(32),
  CYPHER_MAX_CONCURRENT_PER_CLIENT: z.coerce.number().int().positive().default(2),
  /** Nodes, and relationships, the workbench's graph view of an answer shows at most (the table has every row). */
  CYPHER_MAX_GRAPH_ELEMENTS: z.coerce.number().int().positive().default(5_000),
  /** Nesting (brackets, CASE, chained operators) and UNIONs one query may have: see measureCypher. */
  CYPHER_MAX_DEPTH: z.coerce.number().int().positive().default(120),
  CYPHER_MAX_UNIONS: z.coerce.number().int().nonnegative().default(100),
  /** Queries refused for memory one address may send per window before it must wait (429). */
  CYPHER_MEMORY_FAILURE_MAX: z.coerce.number().int().positive().default(3),
  CYPHER_MEMORY_FAILURE_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
});

export type TrustProxy = boolean | number | string;

export interface AppConfig {
  neo4j: { uri: string; username: string; password: string; database: string };
  port: number;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  queryTimeoutMs: number;
  requestTimeoutMs: number;
  shutdownGraceMs: number;
  /** Relationships one graph answer carries at most. */
  graphMaxEdges: number;
  http: {
    bodyMaxBytes: number;
    viewBodyMaxBytes: number;
    claimsBodyMaxBytes: number;
    rateLimit: { windowMs: number; max: number };
    authFailureLimit: { windowMs: number; max: number };
    trustProxy: TrustProxy;
    corsOrigins: string[];
  };
  auth: {
    mode: "accounts" | "token";
    appToken: string | undefined;
    writeToken: string | undefined;
    session: { idleMs: number; maxAgeMs: number; cookieSecure: "auto" | "always" | "never" };
    secret: string | undefined;
    accountFailureMax: number;
    oidc: OidcSettings | undefined;
  };
  /** Links printed in exports: the public base URL (ending in "/"), or null for the page's own address. */
  links: {
    publicBaseUrl: string | null;
    /** False for a command's own server on a passing port (npm run export): its address means nothing later. */
    pageOriginLasts: boolean;
  };
  cypher: {
    rowCap: number;
    maxResponseBytes: number;
    maxQueryLength: number;
    maxParamDepth: number;
    maxConcurrentPerClient: number;
    maxGraphElements: number;
    maxDepth: number;
    maxUnions: number;
    memoryFailureLimit: { windowMs: number; max: number };
  };
}

export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (text === "" || text === "false") return false;
  if (text === "true") return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

/** Parses the environment once, at start-up; a bad value stops the process with a clear message. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const value = parsed.data;
  const mode = value.AUTH_MODE || (value.APP_TOKEN || value.WRITE_TOKEN ? "token" : "accounts");
  if (value.OIDC_ISSUER && (mode !== "accounts" || !value.OIDC_CLIENT_ID)) {
    throw new Error("Invalid configuration: OIDC_ISSUER needs AUTH_MODE=accounts and OIDC_CLIENT_ID");
  }
  if (mode === "accounts" && (value.APP_TOKEN || value.WRITE_TOKEN)) {
    throw new Error(
      "Invalid configuration: AUTH_MODE=accounts takes no APP_TOKEN or WRITE_TOKEN (users sign in; scripts use API keys)",
    );
  }
  return {
    neo4j: {
      uri: value.NEO4J_URI,
      username: value.NEO4J_USERNAME,
      password: value.NEO4J_PASSWORD,
      database: value.NEO4J_DATABASE,
    },
    port: value.PORT,
    logLevel: value.LOG_LEVEL,
    queryTimeoutMs: value.QUERY_TIMEOUT_MS,
    requestTimeoutMs: value.REQUEST_TIMEOUT_MS,
    shutdownGraceMs: value.SHUTDOWN_GRACE_MS,
    graphMaxEdges: value.GRAPH_MAX_EDGES,
    http: {
      bodyMaxBytes: value.REQUEST_BODY_MAX_BYTES,
      viewBodyMaxBytes: value.VIEW_BODY_MAX_BYTES,
      claimsBodyMaxBytes: value.CLAIMS_BODY_MAX_BYTES,
      rateLimit: { windowMs: value.RATE_LIMIT_WINDOW_MS, max: value.RATE_LIMIT_MAX },
      authFailureLimit: { windowMs: value.AUTH_FAILURE_WINDOW_MS, max: value.AUTH_FAILURE_MAX },
      trustProxy: parseTrustProxy(value.TRUST_PROXY),
      corsOrigins: value.CORS_ORIGINS.split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ""),
    },
    auth: {
      mode,
      appToken: value.APP_TOKEN,
      writeToken: value.WRITE_TOKEN ?? value.APP_TOKEN,
      session: {
        idleMs: value.SESSION_IDLE_TIMEOUT_MS,
        maxAgeMs: value.SESSION_MAX_AGE_MS,
        cookieSecure: value.SESSION_COOKIE_SECURE,
      },
      secret: value.AUTH_SECRET,
      accountFailureMax: value.SIGN_IN_FAILURE_MAX_PER_ACCOUNT,
      oidc: value.OIDC_ISSUER
        ? {
            issuer: value.OIDC_ISSUER,
            clientId: value.OIDC_CLIENT_ID,
            clientSecret: value.OIDC_CLIENT_SECRET,
            redirectUrl: value.OIDC_REDIRECT_URL || undefined,
            nameClaim: value.OIDC_NAME_CLAIM,
            roleClaim: value.OIDC_ROLE_CLAIM,
            roleMap: parseRoleMap(value.OIDC_ROLE_MAP),
            defaultRole: value.OIDC_DEFAULT_ROLE || undefined,
          }
        : undefined,
    },
    links: {
      publicBaseUrl: value.PUBLIC_BASE_URL === "" ? null : value.PUBLIC_BASE_URL.replace(/\/*$/, "/"),
      pageOriginLasts: true,
    },
    cypher: {
      rowCap: value.CYPHER_ROW_CAP,
      maxResponseBytes: value.CYPHER_MAX_RESPONSE_BYTES,
      maxQueryLength: value.CYPHER_MAX_QUERY_LENGTH,
      maxParamDepth: value.CYPHER_MAX_PARAM_DEPTH,
      maxConcurrentPerClient: value.CYPHER_MAX_CONCURRENT_PER_CLIENT,
      maxGraphElements: value.CYPHER_MAX_GRAPH_ELEMENTS,
      maxDepth: value.CYPHER_MAX_DEPTH,
      maxUnions: value.CYPHER_MAX_UNIONS,
      memoryFailureLimit: { windowMs: value.CYPHER_MEMORY_FAILURE_WINDOW_MS, max: value.CYPHER_MEMORY_FAILURE_MAX },
    },
  };
}
