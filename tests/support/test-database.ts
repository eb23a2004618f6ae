/** A driver to the configured (real) Neo4j for the duration of a test file. */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll } from "vitest";
import { projectRoot } from "../../scripts/project-root";
import { loadAppConfig } from "../../server/src/config/app-config";
import { loadEnvFile } from "../../server/src/config/load-env-file";
import { createDriver } from "../../server/src/neo4j/create-driver";

export interface TestDatabase {
  driver: Driver;
  database: string;
}

/** Opens the driver before the file's tests and closes it after; read the fields inside tests. */
export function useTestDatabase(): TestDatabase {
  const handle = {} as TestDatabase;
  beforeAll(() => {
    loadEnvFile(projectRoot);
    const config = loadAppConfig();
    handle.driver = createDriver(config.neo4j);
    handle.database = config.neo4j.database;
  });
  afterAll(() => handle.driver.close());
  return handle;
}
