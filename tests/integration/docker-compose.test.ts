import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NEO4J_VERSION } from "../../scripts/neo4j/neo4j-layout";
import { projectRoot } from "../../scripts/project-root";

function compose(...args: string[]) {
  return spawnSync("docker-compose", ["-f", join(projectRoot, "docker-compose.yml"), ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, NEO4J_PASSWORD: "compose-check-password" },
  });
}

describe("docker-compose.yml", () => {
  it("is accepted by docker-compose config -q", () => {
    const result = compose("config", "-q");
    expect(result.error, "docker-compose is not installed (apt-get install docker-compose)").toBeUndefined();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("runs the Neo4j version the project pins, and wires the app with the same variables", () => {
    const resolved = compose("config").stdout;
    expect(resolved).toContain(`image: neo4j:${NEO4J_VERSION}-community`);
    expect(resolved).toContain("NEO4J_URI: bolt://neo4j:7687");
    expect(resolved).toContain("NEO4J_AUTH: neo4j/compose-check-password");
    expect(resolved).toMatch(/condition: service_healthy/);
    const example = readFileSync(join(projectRoot, ".env.example"), "utf8");
    for (const name of ["NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "PORT"]) {
      expect(example).toContain(`${name}=`);
      expect(resolved).toContain(`${name}:`);
    }
  });
});
