import { isAbsolute, join, resolve } from "node:path";

/**
 * Where the seed's article texts are read from: `SEED_SOURCES_DIR` (relative paths from the
 * project root), else the team's shared source material next to the project (`../shared/sources`).
 * The texts are not part of the repository; a seed without them stores the articles without text.
 */
export function seedSourcesDir(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = env.SEED_SOURCES_DIR?.trim();
  if (given === undefined || given === "") return join(projectRoot, "..", "shared", "sources");
  return isAbsolute(given) ? given : resolve(projectRoot, given);
}
