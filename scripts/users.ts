import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { roleSchema, userNameSchema } from "../contract/auth-endpoints";
import type { Role } from "../contract/endpoint";
import { AuditLog } from "../server/src/audit/audit-log";
import { AccountRepository } from "../server/src/auth/account-repository";
import { loadAppConfig } from "../server/src/config/app-config";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { AppError } from "../server/src/errors/app-error";
import { createDriver } from "../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../server/src/neo4j/neo4j-database";
import { CliError, runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";

const USAGE = `npm run users -- <command>
  list                              every user with their role
  add NAME [--role viewer|editor|admin]   a new user (default editor); prints a one-time password
  role NAME viewer|editor|admin     changes a user's role, at once for their sessions and keys
  reset NAME                        a new one-time password; the user's sessions end
  remove NAME                       removes a user with their sessions and API keys`;

const { positionals, values } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { role: { type: "string" }, help: { type: "boolean", short: "h" } },
});

function nameArg(value: string | undefined): string {
  const parsed = userNameSchema.safeParse(value ?? "");
  if (!parsed.success) throw new CliError(`a user name: ${parsed.error.issues[0]?.message ?? "missing"}\n${USAGE}`);
  return parsed.data;
}

function roleArg(value: string | undefined): Role {
  const parsed = roleSchema.safeParse(value);
  if (!parsed.success) throw new CliError(`a role is viewer, editor or admin, not "${value ?? ""}"`);
  return parsed.data;
}

/** The one-time password goes to this terminal only: never a file, never the server's log. */
function handOver(name: string, password: string): void {
  console.log(`One-time password of ${name}: ${password}`);
  console.log(`They sign in at /sign-in.html and choose their own password before anything else.`);
}

await runCli("users", async () => {
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  loadEnvFile(projectRoot);
  // Only the Neo4j settings matter here, whatever the server's mode.
  const config = loadAppConfig({ ...process.env, AUTH_MODE: "token" });
  const driver = createDriver(config.neo4j);
  const database = new Neo4jDatabase(driver, {
    database: config.neo4j.database,
    queryTimeoutMs: config.queryTimeoutMs,
  });
  const accounts = new AccountRepository(database);
  const audit = new AuditLog(database);
  const actor = `cli:${userInfo().username}`;
  const record = (action: string, summary: string) =>
    audit.record({ actor, address: "command line", action: `users ${action}`, status: 200, summary });
  try {
    await driver.verifyConnectivity().catch((error: { code?: string }) => {
      throw new CliError(
        `cannot reach Neo4j at ${config.neo4j.uri} (${error.code ?? "no answer"}); try npm run db:start`,
      );
    });
    await accounts.ensureSchema();
    await audit.ensureSchema();
    switch (command) {
      case "list": {
        const users = await accounts.listUsers();
        if (users.length === 0)
          console.log("No users yet: the server creates admin at its first start in accounts mode.");
        for (const user of users) {
          const note = user.mustChangePassword ? "  (one-time password not yet changed)" : "";
          console.log(`${user.name.padEnd(24)} ${user.role.padEnd(7)} since ${user.createdAt.slice(0, 10)}${note}`);
        }
        return;
      }
      case "add": {
        const name = nameArg(rest[0]);
        const role = roleArg(values.role ?? "editor");
        const { oneTimePassword } = await accounts.createUser(name, role, actor);
        await record("add", `added user ${name} as ${role}`);
        console.log(`Added ${name} as ${role}.`);
        handOver(name, oneTimePassword);
        return;
      }
      case "role": {
        const name = nameArg(rest[0]);
        const role = roleArg(rest[1] ?? values.role);
        await accounts.setRole(name, role);
        await record("role", `made ${name} ${role}`);
        console.log(`${name} is now ${role === "admin" ? "an" : "a"} ${role}.`);
        return;
      }
      case "reset": {
        const name = nameArg(rest[0]);
        const { oneTimePassword } = await accounts.resetPassword(name);
        await record("reset", `reset the password of ${name}; their sessions ended`);
        handOver(name, oneTimePassword);
        return;
      }
      case "remove": {
        const name = nameArg(rest[0]);
        await accounts.removeUser(name);
        await record("remove", `removed user ${name} with their sessions and keys`);
        console.log(`Removed ${name}, their sessions and API keys.`);
        return;
      }
      default:
        throw new CliError(`no command "${command}"\n${USAGE}`);
    }
  } catch (error) {
    // The repository's refusals (a taken name, the last admin, nobody by that name) as one line.
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  } finally {
    await driver.close();
  }
});
