import neo4j from "neo4j-driver";
import { CliError } from "./cli-error";

export interface WaitForBoltOptions {
  uri: string;
  username: string;
  password: string;
  timeoutMs: number;
  logFile: string;
  /** Called between attempts; returns false when the server process has died. */
  stillStarting: () => boolean;
}

/** Resolves once Neo4j accepts an authenticated Bolt connection; fails fast on a dead process or bad credentials. */
export async function waitForBolt(options: WaitForBoltOptions): Promise<void> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
    connectionTimeout: 2000,
    maxConnectionPoolSize: 1,
  });
  const deadline = Date.now() + options.timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (!options.stillStarting()) {
        throw new CliError("Neo4j exited during start-up", options.logFile);
      }
      // Resolves false on refused credentials, rejects while the server is not listening yet.
      const authenticated = await driver.verifyAuthentication().catch(() => undefined);
      if (authenticated === true) return;
      if (authenticated === false) {
        throw new CliError(
          "Neo4j refuses NEO4J_PASSWORD: the password is set on the first start only; use that one, or delete .neo4j/home/data to start afresh",
          options.logFile,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await driver.close();
  }
  throw new CliError(
    `Neo4j did not accept Bolt connections within ${Math.round(options.timeoutMs / 1000)} s`,
    options.logFile,
  );
}
