import { z } from "zod";
import { defineEndpoint, ROLES } from "./endpoint";

/**
 * Accounts (issue #17): signing in and out, the signed-in user, API keys, users (admin) and the
 * audit trail (admin). Served when AUTH_MODE is `accounts`; in token mode `me` says so and the
 * others answer 404.
 */
export const roleSchema = z.enum(ROLES);

/** A user name: letters, digits, dot, dash, underscore and @, 2 to 64 characters. */
export const userNameSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}._@-]{2,64}$/u, "2 to 64 letters, digits, dots, dashes, underscores or @");

/** Passwords: 12 to 200 characters, anything else is the user's business. */
export const passwordSchema = z.string().min(12, "at least 12 characters").max(200, "at most 200 characters");

export const signInRequestSchema = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signedInUserSchema = z.object({
  name: z.string(),
  role: roleSchema,
  /** Signed in with a one-time password: it must be changed before anything else. */
  mustChangePassword: z.boolean(),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export const whoAmISchema = z.object({
  /** `accounts`: users sign in; `token`: the single-user mode (APP_TOKEN, WRITE_TOKEN, or nothing). */
  mode: z.enum(["accounts", "token"]),
  user: signedInUserSchema.nullable(),
  /** Users may sign in through the organisation's OpenID Connect provider (GET /api/auth/oidc/start). */
  oidc: z.boolean().default(false),
});
export type WhoAmI = z.infer<typeof whoAmISchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const userSummarySchema = z.object({
  name: z.string(),
  role: roleSchema,
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const createUserRequestSchema = z.object({ name: userNameSchema, role: roleSchema });
/** A new user, or a reset password: the one-time password is shown this once. */
export const oneTimePasswordSchema = z.object({ user: userSummarySchema, oneTimePassword: z.string() });
export const setRoleRequestSchema = z.object({ role: roleSchema });

export const apiKeySummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKeySummary = z.infer<typeof apiKeySummarySchema>;
export const createApiKeyRequestSchema = z.object({ label: z.string().trim().min(1).max(100) });
/** The key itself is in this answer only: the server keeps its hash. */
export const createdApiKeySchema = z.object({ key: apiKeySummarySchema, secret: z.string() });

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** The user name; `(anonymous)` for a failed sign-in, `cli:<os user>` for `npm run users`. */
  actor: z.string(),
  address: z.string(),
  /** `POST /api/views`, `sign-in`, `sign-in failed`, `users add`... */
  action: z.string(),
  status: z.number().int(),
  summary: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

const isoDateOrTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    "a date (2026-12-04) or an ISO date-time",
  );

export const auditQuerySchema = z.object({
  actor: z.string().max(64).optional(),
  action: z.string().max(100).optional(),
  /** ISO dates or date-times (UTC unless they say), inclusive: a date alone means its whole day. */
  from: isoDateOrTime.optional(),
  to: isoDateOrTime.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** A POST that needs nothing but its path: an empty JSON object. */
const noBody = z.object({}).strict();

const userNameParam = z.string().min(1).max(64);
const keyIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const authEndpoints = {
  me: defineEndpoint({
    method: "GET",
    path: "/api/auth/me",
    access: "public",
    answer: whoAmISchema,
    summary: "The mode, and the signed-in user (null when nobody is).",
  }),
  signIn: defineEndpoint({
    method: "POST",
    path: "/api/auth/sign-in",
    access: "public",
    body: signInRequestSchema,
    answer: signedInUserSchema,
    summary: "Signs in: sets the session cookie; 401 for a wrong name or password, 429 after too many.",
  }),
  signOut: defineEndpoint({
    method: "POST",
    path: "/api/auth/sign-out",
    access: "viewer",
    body: noBody,
    answer: null,
    summary: "Ends this session (204).",
  }),
  signOutEverywhere: defineEndpoint({
    method: "POST",
    path: "/api/auth/sign-out-everywhere",
    access: "viewer",
    body: noBody,
    answer: null,
    summary: "Ends every session of the signed-in user (204).",
  }),
  changePassword: defineEndpoint({
    method: "POST",
    path: "/api/auth/password",
    access: "viewer",
    body: changePasswordRequestSchema,
    answer: null,
    summary: "Changes the signed-in user's password (204); other sessions end.",
  }),
  oidcStart: defineEndpoint({
    method: "GET",
    path: "/api/auth/oidc/start",
    access: "public",
    query: z.object({ next: z.string().max(2000).optional() }),
    answer: null,
    summary: "Sends the browser to the organisation's OpenID Connect provider (302); 404 when none is configured.",
  }),
  oidcCallback: defineEndpoint({
    method: "GET",
    path: "/api/auth/oidc/callback",
    access: "public",
    answer: null,
    summary: "Where the provider sends the browser back: checks the ID token, signs in, goes on (an HTML page).",
  }),
  listKeys: defineEndpoint({
    method: "GET",
    path: "/api/keys",
    access: "viewer",
    answer: z.object({ keys: z.array(apiKeySummarySchema) }),
    summary: "The signed-in user's API keys (never the keys themselves).",
  }),
  createKey: defineEndpoint({
    method: "POST",
    path: "/api/keys",
    access: "viewer",
    body: createApiKeyRequestSchema,
    answer: createdApiKeySchema,
    summary: "A new API key with the user's role, shown in this answer only (201).",
  }),
  revokeKey: defineEndpoint({
    method: "DELETE",
    path: "/api/keys/:id",
    access: "viewer",
    params: { id: keyIdParam },
    answer: null,
    summary: "Revokes one of the signed-in user's API keys (204).",
  }),
  listUsers: defineEndpoint({
    method: "GET",
    path: "/api/users",
    access: "admin",
    answer: z.object({ users: z.array(userSummarySchema) }),
    summary: "Every user with their role.",
  }),
  createUser: defineEndpoint({
    method: "POST",
    path: "/api/users",
    access: "admin",
    body: createUserRequestSchema,
    answer: oneTimePasswordSchema,
    summary: "Adds a user with a one-time password, shown in this answer only (201).",
  }),
  setRole: defineEndpoint({
    method: "POST",
    path: "/api/users/:name/role",
    access: "admin",
    params: { name: userNameParam },
    body: setRoleRequestSchema,
    answer: userSummarySchema,
    summary: "Changes a user's role, at once for their sessions and keys.",
  }),
  resetPassword: defineEndpoint({
    method: "POST",
    path: "/api/users/:name/password",
    access: "admin",
    params: { name: userNameParam },
    body: noBody,
    answer: oneTimePasswordSchema,
    summary: "Gives a user a new one-time password and ends their sessions.",
  }),
  removeUser: defineEndpoint({
    method: "DELETE",
    path: "/api/users/:name",
    access: "admin",
    params: { name: userNameParam },
    answer: null,
    summary: "Removes a user, their sessions and keys (204); the last admin stays.",
  }),
  audit: defineEndpoint({
    method: "GET",
    path: "/api/audit",
    access: "admin",
    query: auditQuerySchema,
    answer: z.object({ events: z.array(auditEventSchema) }),
    summary: "The audit trail, newest first, filtered by actor, action and dates.",
  }),
  auditCsv: defineEndpoint({
    method: "GET",
    path: "/api/audit.csv",
    access: "admin",
    query: auditQuerySchema,
    answer: null,
    summary: "The same events as CSV.",
  }),
} as const;
