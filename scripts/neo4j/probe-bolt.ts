import { createConnection } from "node:net";
import neo4j from "neo4j-driver";

/** What answers at a Bolt address: a Neo4j that accepts the credentials, one that refuses them, or not Neo4j. */
export type BoltProbe =
  | { kind: "neo4j"; version: string; edition: string | undefined }
  | { kind: "refused-credentials" }
  | { kind: "not-neo4j"; detail: string };

/**
 * Whether the program at host:port answers Bolt's opening handshake (a magic number and four version
 * proposals, answered by four bytes: the version chosen). Checked before the driver, which would wait
 * out its timeout on a silent program and leave its socket to the other side.
 */
export function answersBolt(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    let answer = Buffer.alloc(0);
    const done = (bolt: boolean) => {
      socket.destroy();
      resolve(bolt);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("close", () => done(false));
    socket.once("connect", () => {
      // Proposals: 5.0–5.8, 4.4, 4.0–4.3, 3.
      socket.write(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 3, 3, 4, 0, 0, 0, 3]));
    });
    socket.on("data", (chunk: Buffer) => {
      answer = Buffer.concat([answer, chunk]);
      if (answer.length < 4) return;
      // A version (0, range, minor, major), or all zeros for "none of those": either way Bolt.
      done(answer.length === 4 && answer[0] === 0 && (answer[3] ?? 0) <= 0x10);
    });
  });
}

/** Asks whatever listens at `uri` to authenticate, and its version (the server's agent, "Neo4j/5.26.0"). */
export async function probeBolt(uri: string, username: string, password: string, timeoutMs = 5000): Promise<BoltProbe> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxConnectionPoolSize: 1,
  });
  try {
    const accepted = await driver.verifyAuthentication();
    if (!accepted) return { kind: "refused-credentials" };
    const info = await driver.getServerInfo();
    const version = /^Neo4j\/(.+)$/i.exec(info.agent ?? "")?.[1];
    if (!version) return { kind: "not-neo4j", detail: `it answers Bolt as "${info.agent ?? "?"}"` };
    const session = driver.session({ database: "system" });
    const edition = await session
      .run("CALL dbms.components() YIELD edition RETURN edition LIMIT 1")
      .then((result) => String(result.records[0]?.get("edition") ?? "") || undefined)
      .catch(() => undefined)
      .finally(() => session.close());
    return { kind: "neo4j", version, edition };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (/Unauthorized|AuthenticationRateLimit|CredentialsExpired/i.test(code)) return { kind: "refused-credentials" };
    return { kind: "not-neo4j", detail: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) };
  } finally {
    await driver.close();
  }
}

/**
 * Whether the explorer supports a Neo4j version: 5.x (5.26 is the LTS) and the calendar versions
 * that followed (2025.01 onwards). Returns why not, or undefined when supported.
 */
export function unsupportedVersion(version: string): string | undefined {
  const major = Number(/^(\d+)\./.exec(version)?.[1]);
  if (major === 5 || major >= 2025) return undefined;
  return `Neo4j ${version} is not supported: the explorer needs Neo4j 5 (5.26 LTS) or a calendar version (2025.01 or later)`;
}
