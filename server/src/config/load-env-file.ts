import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Makes `.env` exist (a copy of `.env.example` on first run) and loads it into process.env.
 * Variables already set in the real environment win over the file.
 */
export function loadEnvFile(projectRoot: string): void {
  const envFile = join(projectRoot, ".env");
  const example = join(projectRoot, ".env.example");
  if (!existsSync(envFile) && existsSync(example)) {
    try {
      copyFileSync(example, envFile);
    } catch {
      // A read-only install (the Docker image) runs on its environment and the example's defaults.
      process.loadEnvFile(example);
      return;
    }
  }
  if (existsSync(envFile)) process.loadEnvFile(envFile);
}
