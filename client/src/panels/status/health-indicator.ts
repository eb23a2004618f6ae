import type { Health } from "../../../../contract/graph-contract";

/** Asks for the server's health now and every `everyMs`, and shows it in the top bar's light. */
export function watchHealth(
  root: HTMLElement,
  getHealth: () => Promise<Health>,
  describeError: (error: unknown) => string,
  everyMs: number,
): void {
  const check = () =>
    getHealth().then(
      (health) => renderHealth(root, health),
      (error: unknown) => renderHealth(root, { unreachable: describeError(error) }),
    );
  void check();
  setInterval(() => void check(), everyMs);
}

/** The Neo4j connection light in the top bar. */
export function renderHealth(root: HTMLElement, health: Health | { unreachable: string }): void {
  const text = root.querySelector(".health-text") ?? root;
  if ("unreachable" in health) {
    root.dataset.state = "unreachable";
    text.textContent = "API unreachable";
    root.title = health.unreachable;
    return;
  }
  if (health.status === "draining") {
    root.dataset.state = "disconnected";
    text.textContent = "Server restarting";
    root.title = "The API server is shutting down; it or another one will answer again shortly.";
    return;
  }
  const { connected, version, edition } = health.neo4j;
  root.dataset.state = connected ? "connected" : "disconnected";
  text.textContent = connected ? `Neo4j ${version ?? ""}`.trim() : "Neo4j disconnected";
  root.title = connected
    ? `Connected to Neo4j ${version ?? "(version unknown)"}${edition ? ` ${edition} edition` : ""}`
    : "The API server is up but cannot reach Neo4j.";
}
