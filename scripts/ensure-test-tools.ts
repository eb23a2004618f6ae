import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM_PATH } from "./browser/launch-chromium";

/** Debian packages the tests drive: the browser for Playwright, docker-compose to check the compose file. */
const TOOLS = [
  { binary: CHROMIUM_PATH, aptPackage: "chromium" },
  { binary: "/usr/bin/docker-compose", aptPackage: "docker-compose" },
];

/** Installs with apt whatever is missing (as root); otherwise says what to install. */
export function ensureTestTools(): void {
  const missing = TOOLS.filter((tool) => !existsSync(tool.binary)).map((tool) => tool.aptPackage);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    throw new Error(`The tests need ${missing.join(", ")}: sudo apt-get install -y ${missing.join(" ")}`);
  }
  console.log(`Installing ${missing.join(", ")} with apt-get (first test run only)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
  const install = spawnSync("apt-get", ["install", "-y", "-q", ...missing], { stdio: "inherit", env });
  if (update.status !== 0 || install.status !== 0) {
    throw new Error(`apt-get could not install ${missing.join(", ")}`);
  }
}

/** networkx reads the GraphML export in the tests: a tool that was not written here. */
export function ensureNetworkx(): void {
  if (spawnSync("python3", ["-c", "import networkx"]).status === 0) return;
  console.log("Installing networkx with pip (first test run only)...");
  const install = spawnSync("python3", ["-m", "pip", "install", "--quiet", "networkx==3.6.1"], { stdio: "inherit" });
  if (install.status !== 0) throw new Error("pip could not install networkx: python3 -m pip install networkx");
}
