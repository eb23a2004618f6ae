import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import { FILTERED, FILTERED_CLASS, LABEL_FOCUS_CLASS } from "../look/canvas-classes";

/** What the walk says after each step, for a live region. */
export type Announce = (text: string) => void;

export interface KeyboardWalkOptions {
  /** Selects a node (the canvas' own selection: the details panel follows it). */
  select(id: string): void;
  /** Brings a node into view when the walk reaches it. */
  keepVisible(id: string): void;
  /** Enter: the analyst wants the selected node's details (focus moves there). */
  openDetails(): void;
  announce: Announce;
}

const sentence = (edge: EdgeSingular) => {
  const type = String(edge.data("type") ?? "")
    .toLowerCase()
    .replaceAll("_", " ");
  return `${edge.source().data("display")} ${type} ${edge.target().data("display")}`;
};

/**
 * Keyboard navigation on the graph: with the canvas focused, Up and Down choose one of the selected
 * node's relationships (its caption shown; announced "next: ByteDance sources from Huawei, 1 of 4"),
 * Right goes along it to the node at the other end (which becomes the selection), Left goes back the
 * way it came, Enter opens the node's details and Escape leaves (selection cleared). Focusing the
 * canvas with nothing selected starts at the most connected node. Only drawn relationships count
 * (filtered ones are skipped). Tab leaves the canvas as from any control: no trap.
 */
export function enableKeyboardWalk(cy: Core, container: HTMLElement, options: KeyboardWalkOptions): void {
  container.tabIndex = 0;
  container.setAttribute("role", "application");
  container.setAttribute("aria-roledescription", "graph");
  container.setAttribute(
    "aria-label",
    "Graph. Up and Down choose a relationship, Right follows it, Left goes back, Enter opens details, Escape leaves",
  );
  let choice = 0;
  const trail: string[] = [];

  const selected = (): NodeSingular | undefined => {
    const node = cy.nodes(":selected").not(FILTERED).first();
    return node.nonempty() ? (node as NodeSingular) : undefined;
  };
  const relationships = (node: NodeSingular): EdgeSingular[] =>
    node
      .connectedEdges()
      .not(FILTERED)
      .toArray()
      .map((element) => element as EdgeSingular)
      .filter((edge) => !edge.source().hasClass(FILTERED_CLASS) && !edge.target().hasClass(FILTERED_CLASS))
      .sort((a, b) => sentence(a).localeCompare(sentence(b)));
  const mark = (edge: EdgeSingular | undefined) => {
    cy.edges(`.${LABEL_FOCUS_CLASS}`).removeClass(LABEL_FOCUS_CLASS);
    edge?.addClass(LABEL_FOCUS_CLASS);
  };
  const describeNode = (node: NodeSingular) => {
    const edges = relationships(node);
    const count = `${edges.length} relationship${edges.length === 1 ? "" : "s"}`;
    const next = edges[choice % Math.max(edges.length, 1)];
    mark(next);
    const head = `${node.data("display")}, ${node.data("label")}, ${count}`;
    return next ? `${head}; next: ${sentence(next)}` : head;
  };
  const arrive = (node: NodeSingular) => {
    choice = 0;
    options.select(node.id());
    options.keepVisible(node.id());
    options.announce(describeNode(node));
  };

  container.addEventListener("focus", () => {
    const node = selected();
    if (node) return options.announce(describeNode(node));
    const start = cy
      .nodes()
      .not(FILTERED)
      .max((candidate) => relationships(candidate as NodeSingular).length).ele as NodeSingular | undefined;
    if (start) arrive(start);
  });
  container.addEventListener("blur", () => mark(undefined));

  container.addEventListener("keydown", (event) => {
    if (event.target !== container || event.ctrlKey || event.metaKey || event.altKey) return;
    const node = selected();
    const step: Record<string, () => void> = {
      ArrowDown: () => turn(1),
      ArrowUp: () => turn(-1),
      ArrowRight: () => follow(),
      ArrowLeft: () => back(),
      Enter: () => options.openDetails(),
      Escape: () => {
        mark(undefined);
        trail.length = 0;
        cy.elements(":selected").unselect();
        options.announce("Left the graph: nothing selected");
      },
    };
    const action = step[event.key];
    if (!action || (!node && event.key !== "Escape")) return;
    event.preventDefault();
    action();

    function turn(by: number) {
      if (!node) return;
      const edges = relationships(node);
      if (edges.length === 0) return options.announce(`${node.data("display")} has no relationship drawn`);
      choice = (choice + by + edges.length) % edges.length;
      const next = edges[choice] as EdgeSingular;
      mark(next);
      options.announce(`next: ${sentence(next)}, ${choice + 1} of ${edges.length}`);
    }
    function follow() {
      if (!node) return;
      const edge = relationships(node)[choice];
      if (!edge) return;
      trail.push(node.id());
      arrive(edge.source().id() === node.id() ? edge.target() : edge.source());
    }
    function back() {
      const previous = trail.pop();
      const target = previous ? cy.getElementById(previous) : undefined;
      if (target?.nonempty() && target.isNode()) arrive(target);
    }
  });
}
