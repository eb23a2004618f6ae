import { describe, expect, it } from "vitest";
import { javaMajorVersion } from "../../scripts/neo4j/find-java";
import { localNeo4jSettings } from "../../scripts/neo4j/local-neo4j-settings";
import { localTarget } from "../../scripts/neo4j/local-target";
import { renderNeo4jConf } from "../../scripts/neo4j/render-neo4j-conf";

describe("localTarget", () => {
  it("treats bolt:// and neo4j:// on loopback as the project's own server", () => {
    expect(localTarget("bolt://127.0.0.1:7687")).toEqual({ local: true, host: "127.0.0.1", port: 7687 });
    expect(localTarget("neo4j://localhost")).toEqual({ local: true, host: "127.0.0.1", port: 7687 });
  });

  it("treats Aura, clusters and encrypted schemes as remote: nothing local is started", () => {
    expect(localTarget("neo4j+s://abcd1234.databases.neo4j.io").local).toBe(false);
    expect(localTarget("bolt://db.internal:7687").local).toBe(false);
    expect(localTarget("bolt+s://127.0.0.1:7687").local).toBe(false);
  });

  it("rejects a NEO4J_URI that is not a URI with a message naming it", () => {
    expect(() => localTarget("not a uri")).toThrow(/NEO4J_URI is not a URI/);
  });
});

describe("renderNeo4jConf", () => {
  it("binds Bolt to the requested address, turns HTTP off and caps transaction memory", () => {
    const conf = renderNeo4jConf({
      boltHost: "127.0.0.1",
      boltPort: 7688,
      pageCacheSize: "128m",
      transactionMemoryMax: "256m",
    });
    expect(conf).toContain("server.bolt.listen_address=127.0.0.1:7688");
    expect(conf).toContain("server.http.enabled=false");
    expect(conf).toContain("server.memory.pagecache.size=128m");
    expect(conf).toContain("db.memory.transaction.max=256m");
    expect(conf).toContain("dbms.security.auth_enabled=true");
    expect(conf).toContain("dbms.security.allow_csv_import_from_file_urls=false");
    expect(conf).toContain("internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0");
  });
});

describe("javaMajorVersion", () => {
  it("reads the major version of modern and legacy Java version strings", () => {
    expect(javaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajorVersion('openjdk version "25" 2025-09-16')).toBe(25);
    expect(javaMajorVersion('java version "1.8.0_402"')).toBe(8);
    expect(javaMajorVersion("no java here")).toBeUndefined();
  });
});

describe("localNeo4jSettings", () => {
  it("refuses a password shorter than Neo4j accepts, with a one-line cause", () => {
    expect(() => localNeo4jSettings({ NEO4J_PASSWORD: "short" })).toThrow(/NEO4J_PASSWORD: .*8 characters/);
  });

  it("refuses a memory size Neo4j would not understand", () => {
    expect(() => localNeo4jSettings({ NEO4J_PASSWORD: "long-enough", NEO4J_HEAP_SIZE: "lots" })).toThrow(
      /NEO4J_HEAP_SIZE/,
    );
  });
});
