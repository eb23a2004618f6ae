import { describe, expect, it } from "vitest";
import { addElements } from "../../client/src/canvas/add-elements";
import { showCommitted } from "../../client/src/sources/intake/show-committed";
import { companyNode as node, orderedEdge } from "../support/graph-fixtures";
import { headlessExplorer } from "../support/headless-explorer";

// Made-up entities.
const edge = (id: string, source: string, target: string, relationshipId: string) =>
  orderedEdge(id, source, target, { id: relationshipId });

const ordered = edge("5:x:1", "velda", "sorel", "rel-ordered");
const other = edge("5:x:2", "sorel", "marrow", "rel-other");
const answer = { nodes: [node("velda"), node("sorel"), node("marrow")], edges: [ordered, other] };

describe("showCommitted", () => {
  it("adds only the committed relationships and their ends as one step, selects the first and fits them into view", () => {
    const explorer = headlessExplorer();
    addElements(explorer.cy, { nodes: [node("velda"), node("far")], edges: [] }, { kind: "centre" });
    expect(explorer.room.apply(showCommitted(answer, ["rel-ordered"]))).toBe(true);
    expect(explorer.cy.getElementById(ordered.data.id).selected()).toBe(true);
    expect(explorer.cy.getElementById(other.data.id).empty()).toBe(true);
    // The view fits what was committed, ends already drawn included, not the whole canvas.
    expect(explorer.fitted).toEqual([[ordered.data.id, "sorel", "velda"].sort()]);
    expect(explorer.room.history.undoLabel()).toBe("Undo Show the committed article's relationships");
    explorer.room.history.undo();
    expect(explorer.ids()).toEqual(["far", "velda"]);
  });

  it("names relationships by element id as well as by their id property", () => {
    const explorer = headlessExplorer();
    explorer.room.apply(showCommitted(answer, [other.data.id]));
    expect(explorer.cy.getElementById(other.data.id).selected()).toBe(true);
    expect(explorer.fitted).toEqual([[other.data.id, "marrow", "sorel"].sort()]);
  });
});
