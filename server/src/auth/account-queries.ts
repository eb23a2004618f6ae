/**
 * Users, sessions and API keys live in Neo4j as isolated `AppUser`, `AuthSession` and `ApiKey`
 * nodes (no relationships: a session and a key name their user by `userKey`), left out of every
 * graph query like SavedView. Only hashes are stored: argon2id for passwords, SHA-256 for session
 * ids and key secrets (random 32 bytes, so a fast hash is enough). Times of sessions are epoch
 * milliseconds (compared in the server), the others Neo4j datetimes.
 */

export const ACCOUNT_SCHEMA = [
  "CREATE CONSTRAINT app_user_name_key IF NOT EXISTS FOR (u:AppUser) REQUIRE u.nameKey IS UNIQUE",
  "CREATE CONSTRAINT auth_session_id IF NOT EXISTS FOR (s:AuthSession) REQUIRE s.idHash IS UNIQUE",
  "CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE",
  "CREATE INDEX auth_session_user IF NOT EXISTS FOR (s:AuthSession) ON (s.userKey)",
  "CREATE INDEX api_key_user IF NOT EXISTS FOR (k:ApiKey) ON (k.userKey)",
];

const USER = `u.name AS name, u.role AS role, u.mustChangePassword AS mustChangePassword,
       toString(u.createdAt) AS createdAt, u.createdBy AS createdBy`;

export const FIND_USER_QUERY = `
MATCH (u:AppUser {nameKey: $nameKey})
RETURN ${USER}, u.passwordHash AS passwordHash`;

export const LIST_USERS_QUERY = `
MATCH (u:AppUser)
RETURN ${USER}
ORDER BY u.nameKey`;

export const COUNT_USERS_QUERY = "MATCH (u:AppUser) RETURN count(u) AS users";

/** Creates the user unless the name is taken; `created` says which. */
export const CREATE_USER_QUERY = `
MERGE (u:AppUser {nameKey: $nameKey})
ON CREATE SET u.name = $name, u.role = $role, u.passwordHash = $passwordHash,
              u.mustChangePassword = true, u.createdAt = datetime(), u.createdBy = $createdBy
RETURN ${USER}, u.passwordHash = $passwordHash AS created`;

/** The first admin, only while there is no user at all (two servers starting at once make one). */
export const CREATE_FIRST_ADMIN_QUERY = `
OPTIONAL MATCH (any:AppUser)
WITH count(any) AS users
WHERE users = 0
MERGE (u:AppUser {nameKey: $nameKey})
ON CREATE SET u.name = $name, u.role = 'admin', u.passwordHash = $passwordHash,
              u.mustChangePassword = true, u.createdAt = datetime(), u.createdBy = 'first start'
RETURN u.passwordHash = $passwordHash AS created`;

/** Admins other than this user: the last admin can be neither removed nor demoted. */
export const OTHER_ADMINS_QUERY = `
MATCH (u:AppUser {role: 'admin'})
WHERE u.nameKey <> $nameKey
RETURN count(u) AS admins`;

export const SET_ROLE_QUERY = `
MATCH (u:AppUser {nameKey: $nameKey})
SET u.role = $role
RETURN ${USER}`;

/** A new password; `mustChange` for a one-time password. The user's sessions end. */
export const SET_PASSWORD_QUERY = `
MATCH (u:AppUser {nameKey: $nameKey})
SET u.passwordHash = $passwordHash, u.mustChangePassword = $mustChange
WITH u
OPTIONAL MATCH (s:AuthSession {userKey: $nameKey})
WHERE s.idHash <> $keepSession
DELETE s
RETURN ${USER}`;

export const REMOVE_USER_QUERY = `
MATCH (u:AppUser {nameKey: $nameKey})
OPTIONAL MATCH (s:AuthSession {userKey: $nameKey})
OPTIONAL MATCH (k:ApiKey {userKey: $nameKey})
DETACH DELETE u, s, k
RETURN count(DISTINCT u) AS removed`;

export const CREATE_SESSION_QUERY = `
CREATE (s:AuthSession {idHash: $idHash, userKey: $nameKey, createdMs: $now, lastSeenMs: $now, createdAt: datetime()})`;

export const FIND_SESSION_QUERY = `
MATCH (s:AuthSession {idHash: $idHash})
MATCH (u:AppUser {nameKey: s.userKey})
RETURN u.name AS name, u.role AS role, u.mustChangePassword AS mustChangePassword,
       s.createdMs AS createdMs, s.lastSeenMs AS lastSeenMs`;

export const TOUCH_SESSION_QUERY = `
MATCH (s:AuthSession {idHash: $idHash})
SET s.lastSeenMs = $now`;

export const END_SESSION_QUERY = `
MATCH (s:AuthSession {idHash: $idHash})
DELETE s`;

export const END_USER_SESSIONS_QUERY = `
MATCH (s:AuthSession {userKey: $nameKey})
DELETE s
RETURN count(*) AS ended`;

/** Sessions past their idle or absolute expiry, removed now and then. */
export const END_EXPIRED_SESSIONS_QUERY = `
MATCH (s:AuthSession)
WHERE s.lastSeenMs < $idleBefore OR s.createdMs < $createdBefore
WITH s LIMIT 10000
DELETE s`;

const KEY = "k.id AS id, k.label AS label, toString(k.createdAt) AS createdAt, toString(k.lastUsedAt) AS lastUsedAt";

export const CREATE_KEY_QUERY = `
CREATE (k:ApiKey {id: $id, userKey: $nameKey, secretHash: $secretHash, label: $label, createdAt: datetime()})
RETURN ${KEY}`;

export const LIST_KEYS_QUERY = `
MATCH (k:ApiKey {userKey: $nameKey})
RETURN ${KEY}
ORDER BY k.createdAt DESC`;

export const FIND_KEY_QUERY = `
MATCH (k:ApiKey {id: $id})
MATCH (u:AppUser {nameKey: k.userKey})
RETURN u.name AS name, u.role AS role, k.secretHash AS secretHash,
       k.lastUsedAt IS NULL OR k.lastUsedAt < datetime() - duration('PT1M') AS stale`;

export const TOUCH_KEY_QUERY = `
MATCH (k:ApiKey {id: $id})
SET k.lastUsedAt = datetime()`;

export const REVOKE_KEY_QUERY = `
MATCH (k:ApiKey {id: $id, userKey: $nameKey})
DELETE k
RETURN count(*) AS revoked`;

/**
 * A user of the organisation's OpenID Connect provider: created at their first sign-in (no
 * password), their role set from the provider's claims at each one. A local account of that name
 * is left alone (`external` false): the provider cannot take it over.
 */
export const UPSERT_EXTERNAL_USER_QUERY = `
MERGE (u:AppUser {nameKey: $nameKey})
ON CREATE SET u.name = $name, u.role = $role, u.passwordHash = '', u.mustChangePassword = false,
              u.createdAt = datetime(), u.createdBy = 'OpenID Connect', u.external = 'oidc'
WITH u
SET u.role = CASE WHEN u.external = 'oidc' THEN $role ELSE u.role END
RETURN ${USER}, coalesce(u.external = 'oidc', false) AS external`;
