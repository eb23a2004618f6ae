import { describe, expect, it } from "vitest";
import { listEndpoints } from "../../contract/api-endpoints";
import { authEndpoints } from "../../contract/auth-endpoints";
import { endpointAccess, roleAtLeast } from "../../contract/endpoint";
import { auditCsv, dayBound } from "../../server/src/audit/audit-log";
import { nameKey } from "../../server/src/auth/account-repository";
import { oidcUser } from "../../server/src/auth/oidc-sign-in";
import { hashPassword, oneTimePassword, passwordMatches } from "../../server/src/auth/password-hash";
import { sessionExpired } from "../../server/src/auth/session-expiry";
import { parseRoleMap } from "../../server/src/config/app-config";
import { FailureWindows } from "../../server/src/http/failure-windows";

describe("password hashing", () => {
  it("stores argon2id hashes, salted, that verify only the right password", async () => {
    const first = await hashPassword("correct horse battery staple");
    const second = await hashPassword("correct horse battery staple");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(first).not.toBe(second);
    expect(await passwordMatches(first, "correct horse battery staple")).toBe(true);
    expect(await passwordMatches(first, "correct horse battery stapler")).toBe(false);
  });

  it("treats a stored value that is no hash as a mismatch, not a crash", async () => {
    expect(await passwordMatches("plain text", "plain text")).toBe(false);
  });

  it("makes one-time passwords of 24 URL-safe characters, different each time", () => {
    const a = oneTimePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(oneTimePassword()).not.toBe(a);
  });
});

describe("session expiry", () => {
  const limits = { idleMs: 1_000, maxAgeMs: 10_000 };
  it("keeps a session used within the idle time and the absolute age", () => {
    expect(sessionExpired({ createdMs: 0, lastSeenMs: 9_000 }, 10_000, limits)).toBe(false);
  });
  it("ends a session idle longer than the idle time", () => {
    expect(sessionExpired({ createdMs: 0, lastSeenMs: 1_000 }, 2_001, limits)).toBe(true);
  });
  it("ends a session older than the absolute age however busy", () => {
    expect(sessionExpired({ createdMs: 0, lastSeenMs: 10_000 }, 10_001, limits)).toBe(true);
  });
});

describe("the role table", () => {
  it("lets each role do what the one below it does", () => {
    expect(roleAtLeast("admin", "editor")).toBe(true);
    expect(roleAtLeast("editor", "viewer")).toBe(true);
    expect(roleAtLeast("viewer", "editor")).toBe(false);
    expect(roleAtLeast("editor", "admin")).toBe(false);
  });

  it("defaults by method: GET for viewers, writes for editors", () => {
    for (const { endpoint } of listEndpoints()) {
      if (endpoint.access !== undefined) continue;
      expect(endpointAccess(endpoint)).toBe(endpoint.method === "GET" ? "viewer" : "editor");
    }
  });

  it("keeps users and the audit trail for admins, and sign-in open", () => {
    for (const name of [
      "listUsers",
      "createUser",
      "setRole",
      "resetPassword",
      "removeUser",
      "audit",
      "auditCsv",
    ] as const) {
      expect(endpointAccess(authEndpoints[name])).toBe("admin");
    }
    expect(endpointAccess(authEndpoints.signIn)).toBe("public");
  });

  it("marks only reads public: every public endpoint is a GET, or signing in", () => {
    const publicOnes = listEndpoints().filter(({ endpoint }) => endpointAccess(endpoint) === "public");
    for (const { endpoint } of publicOnes) {
      expect(endpoint.method === "GET" || endpoint === authEndpoints.signIn).toBe(true);
    }
  });
});

describe("failed sign-ins per account", () => {
  it("locks a name after max failures until its window ends, and a success clears it", () => {
    let now = 0;
    const windows = new FailureWindows(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) windows.recordFailure("m.dupont");
    expect(windows.lockedFor("m.dupont")).toBe(60);
    expect(windows.lockedFor("someone-else")).toBe(0);
    now = 30_500;
    expect(windows.lockedFor("m.dupont")).toBe(30);
    now = 60_001;
    expect(windows.lockedFor("m.dupont")).toBe(0);
    windows.recordFailure("x");
    windows.clear("x");
    expect(windows.lockedFor("x")).toBe(0);
  });

  it("names differing only in case are one account", () => {
    expect(nameKey(" M.Dupont ")).toBe(nameKey("m.dupont"));
  });
});

describe("the audit trail's CSV", () => {
  it("quotes every field, doubles quotes, and defuses spreadsheet formulas", () => {
    const csv = auditCsv([
      {
        id: "1",
        at: "2026-12-04T10:00:00Z",
        actor: '=HYPERLINK("x")',
        address: "127.0.0.1",
        action: "POST /api/views",
        status: 201,
        summary: 'saved "A, B"\nnext line',
      },
    ]);
    const [header, row] = csv.split("\r\n");
    expect(header).toBe("at,actor,address,action,status,summary");
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"saved ""A, B""\nnext line"');
  });

  it("reads a date alone as its whole day", () => {
    expect(dayBound("2026-12-04", false)).toBe("2026-12-04T00:00:00Z");
    expect(dayBound("2026-12-04", true)).toBe("2026-12-04T23:59:59.999Z");
    expect(dayBound("2026-12-04T10:00Z", true)).toBe("2026-12-04T10:00Z");
    expect(dayBound(undefined, true)).toBeNull();
  });
});

describe("roles from an identity provider's claims", () => {
  const settings = {
    nameClaim: "preferred_username",
    roleClaim: "groups",
    roleMap: parseRoleMap("readers=viewer, analysts=editor, it-admins=admin"),
    defaultRole: undefined,
  };

  it("takes the highest role any of the user's groups maps to", () => {
    expect(oidcUser({ sub: "1", preferred_username: "a", groups: ["readers", "analysts"] }, settings)).toEqual({
      name: "a",
      role: "editor",
    });
    expect(oidcUser({ sub: "1", preferred_username: "a", groups: "readers it-admins" }, settings).role).toBe("admin");
  });

  it("has no role when nothing maps and there is no default, else the default", () => {
    expect(oidcUser({ sub: "1", groups: ["marketing"] }, settings).role).toBeUndefined();
    expect(oidcUser({ sub: "1" }, { ...settings, defaultRole: "viewer" }).role).toBe("viewer");
  });

  it("names the user by the name claim, else email, else sub", () => {
    expect(oidcUser({ sub: "s-1", email: "m@example.org" }, settings).name).toBe("m@example.org");
    expect(oidcUser({ sub: "s-1" }, settings).name).toBe("s-1");
  });

  it("refuses a role map naming no role of ours", () => {
    expect(() => parseRoleMap("analysts=owner")).toThrow(/OIDC_ROLE_MAP/);
    expect(() => parseRoleMap("=editor")).toThrow(/OIDC_ROLE_MAP/);
  });
});
