import cytoscape from "cytoscape";
import { beforeEach, describe, expect, it } from "vitest";
import { addElements } from "../../client/src/canvas/add-elements";
import {
  addExpansion,
  addFirstGraph,
  addNode,
  addPath,
  addSourceClaims,
  linkNeighbours,
  openRelationship,
} from "../../client/src/explorer/add-commands";
import {
  collapse,
  collapsible,
  focus,
  hide,
  moveNode,
  togglePin,
  unhideAll,
} from "../../client/src/explorer/canvas-commands";
import type { Command, ExplorerCanvas } from "../../client/src/explorer/command";
import { createExplorer, type ExplorerRoom } from "../../client/src/explorer/create-explorer";
import {
  chooseLayout,
  drawResult,
  openView,
  pickSource,
  setClaimFilter,
  showAll,
  toggleFilter,
} from "../../client/src/explorer/view-commands";
import type { Graph, GraphEdge, GraphNode, ViewState } from "../../contract/graph-contract";

const node = (id: string, label = "Company"): GraphNode => ({
  data: {
    id,
    elementId: `4:x:${id}`,
    labels: [label],
    label,
    caption: id.toUpperCase(),
    props: { id, name: id.toUpperCase() },
  },
});
const edge = (id: string, source: string, target: string, props: GraphEdge["data"]["props"] = {}): GraphEdge => ({
  data: {
    id,
    elementId: `5:x:${id}`,
    source,
    target,
    type: "SUPPLIES",
    caption: `supplies ${id}`,
    certainty: "reported",
    props,
  },
});
const graph = (nodes: GraphNode[], edges: GraphEdge[] = []): Graph => ({ nodes, edges, truncated: false });

/** A Cytoscape without a screen, with the canvas' placement, and a record of what the explorer said and refreshed. */
function headlessExplorer() {
  const cy = cytoscape({ headless: true });
  const canvas: ExplorerCanvas = {
    cy,
    addGraph: (part, placement) => {
      const { nodes, edges } = addElements(cy, part, placement);
      return { nodes, edges };
    },
    has: (id) => cy.getElementById(id).nonempty(),
    nodeCaption: (id) => {
      const found = cy.getElementById(id);
      return found.nonempty() && found.isNode() ? String(found.data("display")) : undefined;
    },
    clear: () => {
      cy.elements(":selected").unselect();
      cy.elements().remove();
    },
    select: (id) => {
      cy.elements(":selected").unselect();
      cy.getElementById(id).select();
    },
    centreOn: () => {},
    fitAll: () => {},
    fitElements: () => {},
    counts: () => ({ nodes: cy.nodes().length, edges: cy.edges().length, byLabel: new Map<string, number>() }),
    runLayout: async () => {},
  };
  const said: string[] = [];
  const refreshes: boolean[] = [];
  const room: ExplorerRoom = createExplorer({
    canvas,
    changed: (edited) => refreshes.push(edited),
    tell: (message) => said.push(message),
  });
  return { cy, room, said, refreshes };
}

/** What a step must put back: elements with positions and lasting classes, hidden, expansions, filters, layout. */
function view({ cy, room }: ReturnType<typeof headlessExplorer>) {
  const { state } = room;
  return {
    nodes: cy
      .nodes()
      .map((n) => ({ id: n.id(), at: { ...n.position() }, pinned: n.hasClass("pinned") }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    edges: cy
      .edges()
      .map((e) => e.id())
      .sort(),
    hidden: [...state.hidden.keys()].sort(),
    expansions: [...state.expansions].sort(),
    filters: state.filters(),
    layout: state.layout(),
    asOf: state.asOf(),
    absent: [...state.absent.keys()].sort(),
  };
}

/** Applies the command, checks that undo puts back exactly the view before and redo the view after. */
function roundTrip(explorer: ReturnType<typeof headlessExplorer>, command: Command, step: string) {
  const before = view(explorer);
  expect(explorer.room.apply(command)).toBe(true);
  const after = view(explorer);
  expect(after).not.toEqual(before);
  expect(explorer.room.history.undoLabel()).toBe(`Undo ${step}`);
  explorer.room.history.undo();
  expect(view(explorer)).toEqual(before);
  explorer.room.history.redo();
  expect(view(explorer)).toEqual(after);
  return after;
}

const base = graph(
  [node("a"), node("b"), node("c"), node("s", "Source")],
  [edge("ab", "a", "b", { sources: ["s"] }), edge("bc", "b", "c")],
);

describe("explorer commands on a headless canvas", () => {
  let explorer: ReturnType<typeof headlessExplorer>;
  beforeEach(() => {
    explorer = headlessExplorer();
    const { cy } = explorer;
    explorer.room.apply(addFirstGraph(base));
    cy.nodes().forEach((n, index) => {
      n.position({ x: index * 100, y: 0 });
    });
    explorer.said.length = 0;
    explorer.refreshes.length = 0;
  });

  it("apply records one step, refreshes once and says the command's message once", () => {
    explorer.room.apply(hide(["a"]));
    expect(explorer.said).toEqual(["Hid 1 node · Ctrl+Z to undo"]);
    expect(explorer.refreshes).toEqual([true]);
    expect(explorer.room.history.canUndo()).toBe(true);
  });

  it("a command with nothing to do changes nothing and records no step", () => {
    expect(explorer.room.apply(hide(["nowhere"]))).toBe(false);
    expect(explorer.room.apply(unhideAll)).toBe(false);
    expect(explorer.room.apply(collapse("a"))).toBe(false);
    expect(explorer.room.history.canUndo()).toBe(false);
    expect(explorer.said).toEqual([]);
  });

  it("the first graph is drawn without a step", () => {
    expect(explorer.room.history.canUndo()).toBe(false);
    expect(explorer.cy.nodes().length).toBe(4);
  });

  it("hide takes a node and its relationships out, undo brings them back", () => {
    const after = roundTrip(explorer, hide(["b"]), "Hide B");
    expect(after.edges).toEqual([]);
    expect(after.hidden).toEqual(["ab", "b", "bc"]);
  });

  it("focus hides everything else, and unhide all brings it back", () => {
    const after = roundTrip(explorer, focus(["a"]), "Focus on A");
    expect(after.nodes.map((n) => n.id)).toEqual(["a"]);
    expect(explorer.said.at(-1)).toBe("Focus: hid 3 other nodes · Ctrl+Z to undo");
    const back = roundTrip(explorer, unhideAll, "Unhide all");
    expect(back.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "s"]);
    expect(back.edges).toEqual(["ab", "bc"]);
  });

  it("pin and unpin are steps", () => {
    expect(roundTrip(explorer, togglePin("c"), "Pin C").nodes.find((n) => n.id === "c")?.pinned).toBe(true);
    expect(explorer.room.state.isPinned("c")).toBe(true);
    roundTrip(explorer, togglePin("c"), "Unpin C");
  });

  it("moving a node puts it where it was dropped, pinned; undo puts it back", () => {
    const after = roundTrip(explorer, moveNode("a", { x: 40, y: 50 }), "Move A");
    expect(after.nodes.find((n) => n.id === "a")).toEqual({ id: "a", at: { x: 40, y: 50 }, pinned: true });
  });

  it("an expansion adds its nodes near the origin and records them; collapse takes them back", () => {
    const expansion = graph([node("c"), node("d"), node("e")], [edge("cd", "c", "d"), edge("ce", "c", "e")]);
    const expanded = roundTrip(explorer, addExpansion("c", expansion), "Expand C");
    expect(expanded.expansions).toEqual([["c", ["d", "e"]]]);
    expect(explorer.said.at(-1)).toBe("Added 2 nodes, 2 relationships");
    expect(collapsible(explorer.room, "c")).toEqual(["d", "e"]);
    const collapsed = roundTrip(explorer, collapse("c"), "Collapse C");
    expect(collapsed.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "s"]);
    expect(collapsed.expansions).toEqual([]);
  });

  it("an expansion that brings nothing new is no step but says so", () => {
    expect(explorer.room.apply(addExpansion("a", graph([node("b")], [edge("ab", "a", "b")])))).toBe(true);
    expect(explorer.room.history.canUndo()).toBe(false);
    expect(explorer.said).toEqual(["Nothing new to add"]);
  });

  it("opening a relationship adds it and its other end, and selects it", () => {
    explorer.room.apply(openRelationship("c", edge("cx", "c", "x"), node("x")));
    expect(explorer.room.state.selected()).toBe("cx");
    explorer.room.history.undo();
    const after = roundTrip(explorer, openRelationship("c", edge("cx", "c", "x"), node("x")), "Open supplies cx");
    expect(after.edges).toContain("cx");
  });

  it("a searched node is added (one step), then linked to what is drawn and selected", () => {
    roundTrip(explorer, addNode(node("x")), "Add X");
    explorer.room.apply(linkNeighbours("x", [edge("xa", "x", "a"), edge("xy", "x", "y")]));
    expect(view(explorer).edges).toEqual(["ab", "bc", "xa"]);
    expect(explorer.room.state.selected()).toBe("x");
    expect(explorer.room.history.undoLabel()).toBe("Undo Add X");
    explorer.room.history.undo();
    expect(view(explorer).nodes.map((n) => n.id)).not.toContain("x");
  });

  it("a Source's claims are one step, or, when all are drawn, selected and named", () => {
    const claims = graph([node("s", "Source"), node("a"), node("z")], [edge("az", "a", "z", { sources: ["s"] })]);
    roundTrip(explorer, addSourceClaims("s", claims), "Claims of S");
    expect(explorer.said.at(-1)).toMatch(/^S makes 1 claim: added 1 relationship and 1 node/);
    explorer.room.state.cy.getElementById("a").select();
    explorer.room.apply(addSourceClaims("s", claims));
    expect(explorer.said.at(-1)).toMatch(/^S makes 1 claim, all on the canvas already and now selected: A .+ Z$/);
    expect(explorer.room.state.cy.elements(":selected").map((element) => element.id())).toEqual(["az"]);
  });

  it("a path is added as one step when anything of it is new", () => {
    const path = graph([node("a"), node("p"), node("c")], [edge("ap", "a", "p"), edge("pc", "p", "c")]);
    roundTrip(explorer, addPath(path, "a", "Paths A to C"), "Paths A to C");
    expect(explorer.room.apply(addPath(path, "a", "Paths A to C"))).toBe(false);
  });

  it("filters are steps: a legend row, a claim filter, a source, show all", () => {
    expect(roundTrip(explorer, toggleFilter("label", "Source"), "Hide Source nodes").filters.hiddenLabels).toEqual([
      "Source",
    ]);
    expect(explorer.cy.getElementById("s").hasClass("filtered-out")).toBe(true);
    expect(roundTrip(explorer, setClaimFilter("contestedOnly", true), "Only contested").filters.contestedOnly).toBe(
      true,
    );
    expect(roundTrip(explorer, pickSource("s"), "Only S").filters.source).toBe("s");
    roundTrip(explorer, showAll, "Show all");
  });

  it("choosing a layout is a step that records the layout", () => {
    expect(roundTrip(explorer, chooseLayout("grid"), "Layout: Grid").layout).toBe("grid");
  });

  it("opening a view replaces the canvas with its nodes, positions, pins, hidden relationships and filters", () => {
    const state: ViewState = {
      v: 1,
      nodes: [
        { id: "a", x: 1, y: 2, pinned: true },
        { id: "b", x: 3, y: 4 },
      ],
      hiddenEdges: ["ab"],
      filters: { hiddenLabels: [], hiddenTypes: ["OWNS"], hiddenCertainties: [], source: null },
      layout: "circle",
      viewport: undefined,
      selected: "b",
    };
    let drewDay = false;
    const found = { graph: graph([node("a"), node("b")], [edge("ab", "a", "b")]), missing: [] };
    const after = roundTrip(
      explorer,
      openView(
        state,
        found,
        () => {
          drewDay = true;
        },
        "Open view “v”",
      ),
      "Open view “v”",
    );
    expect(drewDay).toBe(true);
    expect(after.nodes).toEqual([
      { id: "a", at: { x: 1, y: 2 }, pinned: true },
      { id: "b", at: { x: 3, y: 4 }, pinned: false },
    ]);
    expect(after.edges).toEqual([]);
    expect(after.hidden).toEqual(["ab"]);
    expect(after.layout).toBe("circle");
    expect(after.filters.hiddenTypes).toEqual(["OWNS"]);
  });

  it("a workbench result merges as one step, or replaces the canvas", async () => {
    const result = graph([node("q"), node("a")], [edge("qa", "q", "a")]);
    let note: Promise<string> = Promise.resolve("");
    const merged = roundTrip(
      explorer,
      drawResult(result, "merge", (drawing) => {
        note = drawing;
      }),
      "Draw query result",
    );
    await expect(note).resolves.toBe("1 new node, 1 new relationship on the canvas");
    expect(merged.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "q", "s"]);
    const replaced = roundTrip(
      explorer,
      drawResult(result, "replace", (drawing) => {
        note = drawing;
      }),
      "Draw query result",
    );
    await expect(note).resolves.toBe("the canvas shows the result only");
    expect(replaced.nodes.map((n) => n.id)).toEqual(["a", "q"]);
  });

  it("a change of day is one step: the day and the nodes it took off come back with undo", () => {
    const restored: string[] = [];
    explorer.room.state.onRestore(() => restored.push(String(explorer.room.state.asOf().knownAt)));
    const knownOn: Command = ({ state }) => ({
      step: "Known on 2024-05-01",
      edits: true,
      make: () => {
        state.setAsOf({ knownAt: "2024-05-01" });
        const c = state.cy.getElementById("c");
        state.absent.set("c", { group: "nodes", data: { ...c.data() }, position: { ...c.position() } });
        c.remove();
        return null;
      },
    });
    const after = roundTrip(explorer, knownOn, "Known on 2024-05-01");
    expect(after.asOf).toEqual({ knownAt: "2024-05-01" });
    expect(after.absent).toEqual(["c"]);
    expect(restored).toEqual(["undefined", "2024-05-01"]);
    expect(explorer.room.state.viewState().knownAt).toBe("2024-05-01");
  });

  it("the view a link or a saved view carries follows the state", () => {
    explorer.room.apply(togglePin("a"));
    explorer.room.apply(hide(["bc"]));
    explorer.room.apply(chooseLayout("grid"));
    const state = explorer.room.state.viewState();
    expect(state.nodes.find((n) => n.id === "a")?.pinned).toBe(true);
    expect(state.hiddenEdges).toEqual(["bc"]);
    expect(state.layout).toBe("grid");
  });
});
