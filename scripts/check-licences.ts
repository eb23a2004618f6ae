/**
 * npm run licences: the licence of every package the project distributes, and a failure when one
 * is copyleft (GPL, AGPL, LGPL, SSPL) or unknown and not on the reviewed allow-list.
 *
 * What is distributed: the production dependency tree (package-lock.json, every depth) and every
 * package with a file in the client bundle (a Vite build, in memory, listing its modules). Neo4j
 * itself is not among them: it runs as a separate process, downloaded by `npm run db:start`.
 *
 *   --root DIR        the project to check (default: this one)
 *   --modules FILE    the bundle's module ids from a JSON list instead of building the client
 *   --allow-list FILE the reviewed exceptions (default: licence-allow-list.json in the root)
 *   --quiet           print the failures and the summary only
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  bundlePackages,
  licenceReport,
  type PackageLicence,
  productionPackages,
  readAllowList,
} from "./licences/licence-check";
import { projectRoot } from "./project-root";

async function bundleModuleIds(root: string): Promise<string[]> {
  const { build } = await import("vite");
  const ids = new Set<string>();
  await build({
    configFile: join(root, "vite.config.ts"),
    logLevel: "error",
    build: { write: false, sourcemap: false, emptyOutDir: false },
    plugins: [
      {
        name: "list-bundled-modules",
        generateBundle(_options, bundle) {
          for (const item of Object.values(bundle)) {
            if (item.type === "chunk") for (const id of Object.keys(item.modules)) ids.add(id);
          }
          // Stylesheets and assets leave no chunk module behind: take every module the build loaded too.
          for (const id of this.getModuleIds()) ids.add(id);
        },
      },
    ],
  });
  return [...ids];
}

function line(item: PackageLicence): string {
  return `${item.name}@${item.version}  ${item.licence ?? "(no licence declared)"}  [${[...item.shippedIn].sort().join(", ")}]`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      root: { type: "string" },
      modules: { type: "string" },
      "allow-list": { type: "string" },
      quiet: { type: "boolean", default: false },
    },
  });
  const root = resolve(values.root ?? projectRoot);
  const allowFile = resolve(values["allow-list"] ?? join(root, "licence-allow-list.json"));
  const allowList = readAllowList(allowFile);
  const moduleIds = values.modules
    ? (JSON.parse(readFileSync(resolve(values.modules), "utf8")) as string[])
    : await bundleModuleIds(root);
  const report = licenceReport([productionPackages(root), bundlePackages(root, moduleIds)], allowList);
  if (!values.quiet) for (const item of report.packages) console.log(line(item));
  for (const entry of report.allowed) {
    console.log(`allowed by ${allowFile}: ${entry.package}@${entry.version} (${entry.licence}): ${entry.reason}`);
  }
  for (const entry of report.stale) {
    console.warn(`unused allow-list entry (the package or its licence changed?): ${entry.package}@${entry.version}`);
  }
  const shipped = report.packages.length;
  if (report.failures.length > 0) {
    for (const item of report.failures) {
      console.error(
        `${item.verdict === "copyleft" ? "COPYLEFT" : "UNKNOWN LICENCE"}: ${line(item)}. Replace it, or review it and add it to ${allowFile} with the reason.`,
      );
    }
    console.error(`${report.failures.length} of ${shipped} shipped packages fail the licence check.`);
    return 1;
  }
  console.log(`${shipped} shipped packages, all under permissive licences or reviewed exceptions.`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
