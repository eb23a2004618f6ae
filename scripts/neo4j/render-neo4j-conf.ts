export interface Neo4jConfOptions {
  boltHost: string;
  boltPort: number;
  pageCacheSize: string;
  /** Cap on the memory one transaction may use, so one heavy query cannot take the server down. */
  transactionMemoryMax: string;
}

/**
 * The neo4j.conf the project writes for its local server. 5.x setting names only:
 * an unknown setting aborts start-up.
 */
export function renderNeo4jConf(options: Neo4jConfOptions): string {
  return [
    "# Written by the project (scripts/neo4j/render-neo4j-conf.ts) on every db:start; edits are overwritten.",
    `server.default_listen_address=${options.boltHost}`,
    `server.bolt.listen_address=${options.boltHost}:${options.boltPort}`,
    "server.bolt.enabled=true",
    // The app talks Bolt only; no HTTP port to collide with or to expose.
    "server.http.enabled=false",
    "server.https.enabled=false",
    "dbms.security.auth_enabled=true",
    `server.memory.pagecache.size=${options.pageCacheSize}`,
    `db.memory.transaction.max=${options.transactionMemoryMax}`,
    // Defence in depth behind the workbench's own refusal of LOAD CSV: no local files (an empty
    // import folder, file URLs off) and no outgoing requests from Cypher to any address.
    "server.directories.import=import",
    "dbms.security.allow_csv_import_from_file_urls=false",
    "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0",
    // No anonymous usage data sent to Neo4j (on by default; the 5.x name of the setting).
    "dbms.usage_report.enabled=false",
    "",
  ].join("\n");
}
