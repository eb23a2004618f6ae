import { describe, expect, it } from "vitest";
import { addElements } from "../../client/src/canvas/add-elements";
import { revealRelationship } from "../../client/src/sources/reveal-relationship";
import { orderedEdge as edge, companyNode as node } from "../support/graph-fixtures";
import { headlessExplorer as headless } from "../support/headless-explorer";

// Made-up entities.
const ordered = edge("5:x:velda-ordered-sorel", "velda", "sorel");
const found = { nodes: [node("velda"), node("sorel")], edges: [ordered] };

describe("revealRelationship", () => {
  it("adds a relationship not drawn, with its missing end, as one step that undo takes back, and selects it", () => {
    const explorer = headless();
    addElements(explorer.cy, { nodes: [node("velda")], edges: [] }, { kind: "centre" });
    expect(explorer.room.apply(revealRelationship(ordered.data.id, found, "velda ordered sorel"))).toBe(true);
    expect(explorer.ids()).toEqual([ordered.data.id, "sorel", "velda"]);
    expect(explorer.cy.getElementById(ordered.data.id).selected()).toBe(true);
    expect(explorer.said.at(-1)).toBe("Added 1 node, 1 relationship");
    expect(explorer.centred.at(-1)).toBe("velda");
    expect(explorer.room.history.undoLabel()).toBe("Undo Open velda ordered sorel");
    explorer.room.history.undo();
    expect(explorer.ids()).toEqual(["velda"]);
  });

  it("selects a relationship already drawn without an undo step", () => {
    const explorer = headless();
    addElements(explorer.cy, found, { kind: "centre" });
    expect(
      explorer.room.apply(revealRelationship(ordered.data.id, { nodes: [], edges: [] }, "velda ordered sorel")),
    ).toBe(true);
    expect(explorer.cy.getElementById(ordered.data.id).selected()).toBe(true);
    expect(explorer.room.history.undoLabel()).toBeNull();
  });

  it("does nothing when the answer does not hold the relationship", () => {
    const explorer = headless();
    expect(explorer.room.apply(revealRelationship("5:x:gone", found, "gone"))).toBe(false);
    expect(explorer.ids()).toEqual([]);
  });
});
