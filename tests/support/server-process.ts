/** The real server (server/src/main.ts) as its own process, for cases where signals and exits matter. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { projectRoot } from "../../scripts/project-root";

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Every JSON log line so far, parsed. */
  logs: { level: number; msg: string; [key: string]: unknown }[];
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `node --import tsx server/src/main.ts` with these settings over .env; resolves once it listens. */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "server", "src", "main.ts")], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: "info", AUTH_MODE: "token", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: ServerProcess["logs"] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const listening = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      try {
        const entry = JSON.parse(line) as ServerProcess["logs"][number];
        logs.push(entry);
        if (entry.msg.startsWith("Graph explorer at")) resolve();
      } catch {
        logs.push({ level: 0, msg: line });
      }
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });
  await listening;
  return { baseUrl: `http://127.0.0.1:${port}`, child, logs, exited };
}
