/** Where NEO4J_URI points, and whether the project should run that Neo4j itself. */
export interface LocalTarget {
  local: boolean;
  host: string;
  port: number;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function localTarget(uri: string): LocalTarget {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Error(`NEO4J_URI is not a URI: "${uri}"`);
  }
  const host = url.hostname;
  const port = url.port === "" ? 7687 : Number(url.port);
  // neo4j+s / bolt+s are for remote servers with certificates; the local one speaks plain Bolt.
  const plainScheme = url.protocol === "bolt:" || url.protocol === "neo4j:";
  return { local: plainScheme && LOCAL_HOSTS.has(host), host: host === "localhost" ? "127.0.0.1" : host, port };
}
