import type { Logger } from "pino";
import type { AccountRepository } from "./account-repository";

/**
 * Accounts mode on a database without users: creates `admin` with a one-time password and says,
 * in the server's log (stdout), how to sign in. Never written to a file. Retries while Neo4j is
 * not reachable yet; two servers starting at once create one admin.
 */
export async function ensureFirstAdmin(accounts: AccountRepository, logger: Logger, url: string): Promise<void> {
  await accounts.ensureSchema();
  if ((await accounts.countUsers()) > 0) return;
  const password = await accounts.createFirstAdmin("admin");
  if (password === undefined) return;
  logger.warn(
    { user: "admin" },
    `No users yet: created the user "admin" with the one-time password ${password} . Sign in at ${url}/sign-in.html and choose a new password; add analysts with npm run users -- add NAME --role editor.`,
  );
}
