/**
 * The one list of Debian packages the project needs, read by `npm start` (what the app needs),
 * `npm test`'s global set-up (everything) and, through `npm test`, `.ci/run`. Each entry says how
 * to tell it is already there (whoever installed it) and why it is needed.
 *
 * `tsx scripts/system-packages.ts [start|test] [--check]` installs what `npm start` or `npm test`
 * needs (as root), or prints the apt-get command; `--check` only reports.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { CHROMIUM_PATH } from "./browser/launch-chromium";
import { CliError } from "./neo4j/cli-error";
import { findJava } from "./neo4j/find-java";

/** Who needs a package: the app (`npm start`, and so the tests too) or only the tests. */
export type Need = "start" | "test";

export interface SystemPackage {
  /** The Debian package(s) that provide it. */
  apt: readonly string[];
  /** What must hold once it is installed, in words (printed when it is missing). */
  provides: string;
  why: string;
  neededBy: Need;
  /** True when what the package provides is here already. */
  present(): boolean;
}

const onPath = (command: string): boolean =>
  spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

const dpkgInstalled = (name: string): boolean => {
  const result = spawnSync("dpkg-query", ["-W", "-f=$" + "{Status}", name], { encoding: "utf8" });
  return result.status === 0 && result.stdout.includes("install ok installed");
};

const pythonImports = (module: string, python = "python3"): boolean =>
  spawnSync(python, ["-c", `import ${module}`], { stdio: "ignore" }).status === 0;

/** Debian's own interpreter, the one its python3-* packages install into (whatever python3 is on PATH). */
export const DEBIAN_PYTHON = "/usr/bin/python3";

const hasJava17or21 = (): boolean => {
  try {
    findJava();
    return true;
  } catch {
    return false;
  }
};

export const SYSTEM_PACKAGES: readonly SystemPackage[] = [
  {
    apt: ["openjdk-17-jre-headless"],
    provides: "Java 17 or 21 (JAVA_HOME, PATH or /usr/lib/jvm)",
    why: "the project's own Neo4j 5.26 runs on it (npm start, db:start, the tests' private Neo4j servers)",
    neededBy: "start",
    present: hasJava17or21,
  },
  {
    apt: ["maven"],
    provides: "mvn on PATH",
    why: "fetches Neo4j's jars from Maven Central the first time",
    neededBy: "start",
    present: () => onPath("mvn"),
  },
  {
    apt: ["chromium"],
    provides: `${CHROMIUM_PATH} (CHROMIUM_PATH)`,
    why: "the browser specs, npm run export and npm run screenshot drive it through playwright-core",
    neededBy: "test",
    present: () => existsSync(CHROMIUM_PATH),
  },
  {
    apt: ["fonts-noto-cjk"],
    provides: "Debian's Noto CJK fonts",
    why: "Chinese names and quotes drawn as glyphs, not boxes, in exports, screenshots and the browser specs",
    neededBy: "test",
    present: () => dpkgInstalled("fonts-noto-cjk"),
  },
  {
    apt: ["docker-compose"],
    provides: "/usr/bin/docker-compose",
    why: "a test checks docker-compose.yml with `docker-compose config`",
    neededBy: "test",
    present: () => existsSync("/usr/bin/docker-compose"),
  },
  {
    apt: ["procps"],
    provides: "pgrep on PATH",
    why: "a test checks that no Neo4j process is left behind",
    neededBy: "test",
    present: () => onPath("pgrep"),
  },
  {
    apt: ["jq", "curl"],
    provides: "jq and curl on PATH",
    why: "a test runs the API scripting example for the shell (docs/api/examples/suppliers.sh)",
    neededBy: "test",
    present: () => onPath("jq") && onPath("curl"),
  },
  {
    apt: ["python3", "python3-networkx"],
    provides: "python3 that imports networkx",
    why: "a test reads the GraphML export back with networkx, a tool not written here",
    neededBy: "test",
    present: () => pythonImports("networkx"),
  },
  {
    apt: ["python3-networkx", "python3-openpyxl"],
    provides: `${DEBIAN_PYTHON} that imports networkx and openpyxl`,
    why: "a test reads the GEXF export back with networkx and the XLSX export with openpyxl, tools not written here",
    neededBy: "test",
    present: () => pythonImports("networkx", DEBIAN_PYTHON) && pythonImports("openpyxl", DEBIAN_PYTHON),
  },
];

/** The packages `need` asks for: `start` is the app's part, `test` everything. */
export function packagesFor(need: Need): SystemPackage[] {
  return SYSTEM_PACKAGES.filter((entry) => need === "test" || entry.neededBy === "start");
}

export function missingPackages(need: Need): SystemPackage[] {
  return packagesFor(need).filter((entry) => !entry.present());
}

export function aptCommand(missing: readonly SystemPackage[]): string {
  return `sudo apt-get install -y ${missing.flatMap((entry) => entry.apt).join(" ")}`;
}

function describeMissing(missing: readonly SystemPackage[]): string {
  return missing.map((entry) => `  - ${entry.apt.join(" ")}: ${entry.provides}; ${entry.why}`).join("\n");
}

/**
 * Installs with apt-get what `need` lacks (as root), else throws with the one apt-get command to run.
 * A python3 that is not Debian's (pyenv, a venv) does not see python3-networkx: networkx is then
 * installed into it with pip.
 */
export function ensureSystemPackages(need: Need): void {
  let missing = missingPackages(need);
  if (missing.length === 0) return;
  // Only the entry for python3 on PATH: Debian's own interpreter gets Debian's packages.
  const networkx = missing.find((entry) => entry.provides === "python3 that imports networkx");
  if (networkx && onPath("python3") && !isDebianPython()) {
    console.log("Installing networkx with pip into python3 (not Debian's; first run only)...");
    const pip = spawnSync("python3", ["-m", "pip", "install", "--quiet", "networkx==3.6.1"], { stdio: "inherit" });
    if (pip.status !== 0) throw new CliError("pip could not install networkx: python3 -m pip install networkx");
    missing = missing.filter((entry) => entry !== networkx);
    if (missing.length === 0) return;
  }
  const packages = missing.flatMap((entry) => entry.apt);
  if (process.getuid?.() !== 0) {
    throw new CliError(
      `${need === "start" ? "npm start" : "The tests"} need Debian packages that are missing:\n` +
        `${describeMissing(missing)}\nInstall them with:\n  ${aptCommand(missing)}`,
    );
  }
  console.log(`Installing ${packages.join(", ")} with apt-get (first run only)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
  const install = spawnSync("apt-get", ["install", "-y", "-q", ...packages], { stdio: "inherit", env });
  if (update.status !== 0 || install.status !== 0)
    throw new CliError(`apt-get could not install ${packages.join(" ")}`);
  const still = missingPackages(need);
  if (still.length > 0) {
    throw new CliError(`installed with apt-get, yet still missing:\n${describeMissing(still)}`);
  }
}

/** Whether `python3` on PATH is Debian's own, the one python3-networkx installs into. */
function isDebianPython(): boolean {
  const result = spawnSync("python3", ["-c", "import sys; print(sys.prefix)"], { encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() === "/usr";
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const need: Need = process.argv.includes("start") ? "start" : "test";
  if (process.argv.includes("--check")) {
    const missing = missingPackages(need);
    for (const entry of packagesFor(need)) {
      console.log(`${missing.includes(entry) ? "missing" : "ok     "}  ${entry.apt.join(" ")}: ${entry.why}`);
    }
    if (missing.length > 0) console.log(`\n${aptCommand(missing)}`);
    process.exitCode = missing.length > 0 ? 1 : 0;
  } else {
    try {
      ensureSystemPackages(need);
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
    }
  }
}
