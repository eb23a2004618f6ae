import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../../scripts/project-root";

/**
 * Builds bench/pages (the app's canvas and plain Cytoscape.js) with Vite, into `outDir` or the
 * config's own dist/bench. Returns the end of Vite's error output when the build failed, else null.
 */
export function buildBenchPages(outDir?: string): string | null {
  const build = spawnSync(
    process.execPath,
    [
      join(projectRoot, "node_modules", "vite", "bin", "vite.js"),
      "build",
      "--config",
      join(projectRoot, "bench", "vite.bench.config.ts"),
      ...(outDir ? ["--outDir", outDir] : []),
    ],
    { cwd: projectRoot, encoding: "utf8" },
  );
  return build.status === 0 ? null : `vite build of bench/pages failed: ${build.stderr.slice(-500)}`;
}
