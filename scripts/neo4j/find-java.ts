import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "./cli-error";

/** Neo4j 5.26 runs on Java 17 and 21 only. */
const SUPPORTED_MAJORS = [17, 21];

export interface JavaRuntime {
  executable: string;
  major: number;
}

export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  // Java 8 and older print "1.8.0_..."
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function probe(executable: string): JavaRuntime | undefined {
  const result = spawnSync(executable, ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return undefined;
  const major = javaMajorVersion(`${result.stderr}${result.stdout}`);
  return major === undefined ? undefined : { executable, major };
}

function candidates(): string[] {
  const list: string[] = [];
  if (process.env.JAVA_HOME) list.push(join(process.env.JAVA_HOME, "bin", "java"));
  list.push("java");
  // A machine may have several JDKs side by side (say 17 and 25): look for a supported one too.
  const jvmDir = "/usr/lib/jvm";
  if (existsSync(jvmDir)) {
    for (const entry of readdirSync(jvmDir).sort()) list.push(join(jvmDir, entry, "bin", "java"));
  }
  return list;
}

/** The first supported Java found: JAVA_HOME, then PATH, then /usr/lib/jvm. */
export function findJava(): JavaRuntime {
  const found: JavaRuntime[] = [];
  for (const executable of candidates()) {
    const runtime = probe(executable);
    if (!runtime) continue;
    if (SUPPORTED_MAJORS.includes(runtime.major)) return runtime;
    found.push(runtime);
  }
  if (found.length === 0) {
    throw new CliError(
      "no Java found: Neo4j 5.26 needs Java 17 or 21 (Debian: apt-get install openjdk-17-jre-headless)",
    );
  }
  const seen = found.map((runtime) => `Java ${runtime.major} at ${runtime.executable}`).join(", ");
  throw new CliError(`Neo4j 5.26 needs Java 17 or 21; found only ${seen}. Set JAVA_HOME to a Java 17 or 21`);
}
