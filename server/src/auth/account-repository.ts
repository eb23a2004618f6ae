import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Record as Neo4jRecord } from "neo4j-driver";
import type { ApiKeySummary, UserSummary } from "../../../contract/auth-endpoints";
import type { Role } from "../../../contract/endpoint";
import { AppError, notFound } from "../errors/app-error";
import type { Principal } from "../http/auth-context";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { toPlainValue } from "../neo4j/to-plain-value";
import {
  ACCOUNT_SCHEMA,
  COUNT_USERS_QUERY,
  CREATE_FIRST_ADMIN_QUERY,
  CREATE_KEY_QUERY,
  CREATE_SESSION_QUERY,
  CREATE_USER_QUERY,
  END_EXPIRED_SESSIONS_QUERY,
  END_SESSION_QUERY,
  END_USER_SESSIONS_QUERY,
  FIND_KEY_QUERY,
  FIND_SESSION_QUERY,
  FIND_USER_QUERY,
  LIST_KEYS_QUERY,
  LIST_USERS_QUERY,
  OTHER_ADMINS_QUERY,
  REMOVE_USER_QUERY,
  REVOKE_KEY_QUERY,
  SET_PASSWORD_QUERY,
  SET_ROLE_QUERY,
  TOUCH_KEY_QUERY,
  TOUCH_SESSION_QUERY,
  UPSERT_EXTERNAL_USER_QUERY,
} from "./account-queries";
import { decoyHash, hashPassword, oneTimePassword, passwordMatches } from "./password-hash";
import { type SessionTimes, sessionExpired } from "./session-expiry";

/** Names are unique whatever their case: "M.Dupont" and "m.dupont" are one user. */
export const nameKey = (name: string): string => name.trim().normalize("NFC").toLowerCase();

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** API keys read `gek_<id>_<secret>`: the id finds the key, the secret's hash is compared. */
const KEY_PATTERN = /^gek_([A-Za-z0-9_-]{16})_([A-Za-z0-9_-]{43})$/;

/** Last-seen times are written at most this often: a busy page does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

function toUser(record: Neo4jRecord): UserSummary {
  return {
    name: record.get("name") as string,
    role: record.get("role") as Role,
    mustChangePassword: record.get("mustChangePassword") === true,
    createdAt: record.get("createdAt") as string,
    createdBy: (record.get("createdBy") as string | null) ?? "",
  };
}

function toKey(record: Neo4jRecord): ApiKeySummary {
  return {
    id: record.get("id") as string,
    label: record.get("label") as string,
    createdAt: record.get("createdAt") as string,
    lastUsedAt: (record.get("lastUsedAt") as string | null) ?? null,
  };
}

export interface SessionSettings {
  idleMs: number;
  maxAgeMs: number;
}

/** Users, their sessions and API keys in Neo4j. */
export class AccountRepository {
  constructor(
    private readonly database: Neo4jDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /** Constraints and indexes, each in its own transaction, IF NOT EXISTS: safe on every start. */
  async ensureSchema(): Promise<void> {
    for (const statement of ACCOUNT_SCHEMA) await this.database.write((tx) => tx.run(statement));
  }

  async countUsers(): Promise<number> {
    const { records } = await this.database.read(COUNT_USERS_QUERY);
    return Number(toPlainValue(records[0]?.get("users")));
  }

  async listUsers(): Promise<UserSummary[]> {
    const { records } = await this.database.read(LIST_USERS_QUERY);
    return records.map(toUser);
  }

  /** A new user with a one-time password (to be changed at first sign-in); 409 when the name is taken. */
  async createUser(
    name: string,
    role: Role,
    createdBy: string,
  ): Promise<{ user: UserSummary; oneTimePassword: string }> {
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const record = await this.database.write(async (tx) => {
      const { records } = await tx.run(CREATE_USER_QUERY, {
        nameKey: nameKey(name),
        name,
        role,
        passwordHash,
        createdBy,
      });
      return records[0] as Neo4jRecord;
    });
    if (record.get("created") !== true) throw new AppError("VALIDATION", 409, `A user named "${name}" exists already.`);
    return { user: toUser(record), oneTimePassword: password };
  }

  /** The admin of a first start, when there is no user at all: its one-time password, or undefined. */
  async createFirstAdmin(name = "admin"): Promise<string | undefined> {
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const created = await this.database.write(async (tx) => {
      const { records } = await tx.run(CREATE_FIRST_ADMIN_QUERY, { nameKey: nameKey(name), name, passwordHash });
      return records[0]?.get("created") === true;
    });
    return created ? password : undefined;
  }

  /** The user an identity provider vouches for, with the role it gives; 409 when a local account has the name. */
  async upsertExternalUser(name: string, role: Role): Promise<UserSummary> {
    const { records } = await this.database.write((tx) =>
      tx.run(UPSERT_EXTERNAL_USER_QUERY, { nameKey: nameKey(name), name, role }),
    );
    const record = records[0] as Neo4jRecord;
    if (record.get("external") !== true) {
      throw new AppError(
        "UNAUTHORIZED",
        409,
        `A local account is named "${name}": the identity provider cannot sign in as it.`,
      );
    }
    return toUser(record);
  }

  /** The user when the password is theirs, else undefined (an unknown name costs the same time). */
  async checkPassword(name: string, password: string): Promise<UserSummary | undefined> {
    const { records } = await this.database.read(FIND_USER_QUERY, { nameKey: nameKey(name) });
    const record = records[0];
    if (!record) {
      await passwordMatches(await decoyHash(), password);
      return undefined;
    }
    return (await passwordMatches(record.get("passwordHash") as string, password)) ? toUser(record) : undefined;
  }

  async setRole(name: string, role: Role): Promise<UserSummary> {
    if (role !== "admin") await this.keepAnAdmin(name);
    const { records } = await this.database.write((tx) => tx.run(SET_ROLE_QUERY, { nameKey: nameKey(name), role }));
    const record = records[0];
    if (!record) throw notFound(`No user is named "${name}".`);
    return toUser(record);
  }

  /** Sets a password the user chose; their other sessions end (this one stays). */
  async changePassword(name: string, newPassword: string, keepSessionToken?: string): Promise<void> {
    await this.setPassword(name, await hashPassword(newPassword), false, keepSessionToken);
  }

  /** A new one-time password (an admin's reset); every session of the user ends. */
  async resetPassword(name: string): Promise<{ user: UserSummary; oneTimePassword: string }> {
    const password = oneTimePassword();
    const user = await this.setPassword(name, await hashPassword(password), true, undefined);
    return { user, oneTimePassword: password };
  }

  private async setPassword(name: string, passwordHash: string, mustChange: boolean, keep: string | undefined) {
    const params = { nameKey: nameKey(name), passwordHash, mustChange, keepSession: keep ? sha256(keep) : "" };
    const { records } = await this.database.write((tx) => tx.run(SET_PASSWORD_QUERY, params));
    const record = records[0];
    if (!record) throw notFound(`No user is named "${name}".`);
    return toUser(record);
  }

  async removeUser(name: string): Promise<void> {
    await this.keepAnAdmin(name);
    const removed = await this.database.write(async (tx) => {
      const { records } = await tx.run(REMOVE_USER_QUERY, { nameKey: nameKey(name) });
      return Number(toPlainValue(records[0]?.get("removed")));
    });
    if (removed === 0) throw notFound(`No user is named "${name}".`);
  }

  /** Refuses to remove or demote the last admin: nobody could manage users any more. */
  private async keepAnAdmin(name: string): Promise<void> {
    const [found] = (await this.database.read(FIND_USER_QUERY, { nameKey: nameKey(name) })).records;
    if (found?.get("role") !== "admin") return;
    const { records } = await this.database.read(OTHER_ADMINS_QUERY, { nameKey: nameKey(name) });
    if (Number(toPlainValue(records[0]?.get("admins"))) === 0) {
      throw new AppError("VALIDATION", 409, `"${name}" is the last admin: make another user admin first.`);
    }
  }

  /** A new session: its token, for the cookie (only its hash is stored). */
  async startSession(name: string): Promise<string> {
    const token = randomBytes(32).toString("base64url");
    await this.database.write((tx) =>
      tx.run(CREATE_SESSION_QUERY, { idHash: sha256(token), nameKey: nameKey(name), now: this.now() }),
    );
    return token;
  }

  /** Who holds this session, or undefined when it is unknown, expired, or its user is gone. */
  async sessionPrincipal(token: string, settings: SessionSettings): Promise<Principal | undefined> {
    if (token.length > 100) return undefined;
    const idHash = sha256(token);
    const { records } = await this.database.read(FIND_SESSION_QUERY, { idHash });
    const record = records[0];
    if (!record) return undefined;
    const now = this.now();
    const times: SessionTimes = {
      createdMs: Number(toPlainValue(record.get("createdMs"))),
      lastSeenMs: Number(toPlainValue(record.get("lastSeenMs"))),
    };
    if (sessionExpired(times, now, settings)) {
      await this.database.write((tx) => tx.run(END_SESSION_QUERY, { idHash }));
      return undefined;
    }
    if (now - times.lastSeenMs > TOUCH_EVERY_MS) {
      await this.database.write((tx) => tx.run(TOUCH_SESSION_QUERY, { idHash, now }));
    }
    return {
      name: record.get("name") as string,
      role: record.get("role") as Role,
      mustChangePassword: record.get("mustChangePassword") === true,
      via: "session",
    };
  }

  async endSession(token: string): Promise<void> {
    await this.database.write((tx) => tx.run(END_SESSION_QUERY, { idHash: sha256(token) }));
  }

  async endAllSessions(name: string): Promise<number> {
    const { records } = await this.database.write((tx) => tx.run(END_USER_SESSIONS_QUERY, { nameKey: nameKey(name) }));
    return Number(toPlainValue(records[0]?.get("ended")));
  }

  async endExpiredSessions(settings: SessionSettings): Promise<void> {
    const now = this.now();
    await this.database.write((tx) =>
      tx.run(END_EXPIRED_SESSIONS_QUERY, { idleBefore: now - settings.idleMs, createdBefore: now - settings.maxAgeMs }),
    );
  }

  /** A new API key of the user: the key itself is returned this once. */
  async createKey(name: string, label: string): Promise<{ key: ApiKeySummary; secret: string }> {
    const id = randomBytes(12).toString("base64url");
    const secret = randomBytes(32).toString("base64url");
    const { records } = await this.database.write((tx) =>
      tx.run(CREATE_KEY_QUERY, { id, nameKey: nameKey(name), secretHash: sha256(secret), label }),
    );
    return { key: toKey(records[0] as Neo4jRecord), secret: `gek_${id}_${secret}` };
  }

  async listKeys(name: string): Promise<ApiKeySummary[]> {
    const { records } = await this.database.read(LIST_KEYS_QUERY, { nameKey: nameKey(name) });
    return records.map(toKey);
  }

  async revokeKey(name: string, id: string): Promise<void> {
    const { records } = await this.database.write((tx) => tx.run(REVOKE_KEY_QUERY, { id, nameKey: nameKey(name) }));
    if (Number(toPlainValue(records[0]?.get("revoked"))) === 0) throw notFound(`You have no API key "${id}".`);
  }

  /** Whether the text looks like one of our API keys at all (else it is some other bearer token). */
  static isApiKey(text: string): boolean {
    return KEY_PATTERN.test(text);
  }

  /** Who holds this API key, with their role as it is now; undefined when unknown or revoked. */
  async keyPrincipal(presented: string): Promise<Principal | undefined> {
    const match = KEY_PATTERN.exec(presented);
    if (!match) return undefined;
    const [, id = "", secret = ""] = match;
    const { records } = await this.database.read(FIND_KEY_QUERY, { id });
    const record = records[0];
    if (!record) return undefined;
    const expected = Buffer.from(record.get("secretHash") as string, "hex");
    const given = Buffer.from(sha256(secret), "hex");
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    if (record.get("stale") === true) await this.database.write((tx) => tx.run(TOUCH_KEY_QUERY, { id }));
    return {
      name: record.get("name") as string,
      role: record.get("role") as Role,
      mustChangePassword: false,
      via: "key",
    };
  }
}
