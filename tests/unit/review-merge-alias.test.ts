/**
 * Re-point and merge in the review, through to the ingest plan: a new entity merged into a node of
 * the graph leaves its name as that node's alias (no second node); a mention re-pointed from one
 * node to another leaves no alias (the mention was read wrong, it is not another name). Every
 * name here is FICTIONAL.
 */
import { describe, expect, it } from "vitest";
import { repoint } from "../../client/src/sources/intake/review-model";
import { claimsFileSchema } from "../../contract/claims-file";
import type { DraftContent, DraftItem } from "../../contract/draft-endpoints";
import type { GraphNodeRecord } from "../../server/src/claims/entity-resolver";
import { planIngest } from "../../server/src/claims/plan-ingest";
import { draftToClaimsFile } from "../../server/src/drafts/draft-to-claims-file";

const TEXT = "Fictional Quorra Holdings sources its boards from Velmet. Velmet Apps ordered 300 drones.";

const item = (id: string, subject: string, predicate: string, object: string): DraftItem => ({
  id,
  origin: "proposal",
  status: "accepted",
  subject,
  predicate,
  object,
  source: "",
  stance: "asserts",
  certainty: "confirmed",
  quote: TEXT,
  quoteEn: "",
  quantities: {},
  start: 0,
  end: TEXT.length,
  cues: [],
});

const content: DraftContent = {
  text: TEXT,
  title: "Fictional: Quorra and Velmet",
  url: "",
  published: "2025-04-01",
  language: "en",
  detectedLanguage: "en",
  outlet: { id: "", name: "Fictional Courier", grade: "C", known: false },
  notices: [],
  sources: [],
  entities: [
    {
      id: "quorra-holdings",
      name: "Quorra Holdings",
      label: "Company",
      known: false,
      why: "new",
      aliases: [],
      mentions: [],
    },
    { id: "velmet", name: "Velmet Group", label: "Company", known: true, why: "alias", aliases: [], mentions: [] },
    {
      id: "velmet-apps",
      name: "Velmet Apps",
      label: "Product",
      known: true,
      why: "same name",
      aliases: [],
      mentions: [],
    },
  ],
  items: [item("p1", "quorra-holdings", "SOURCES_FROM", "velmet"), item("p2", "velmet-apps", "ORDERED", "drones")],
};

const graph: GraphNodeRecord[] = [
  { elementId: "1", id: "quorra", labels: ["Company", "Entity"], props: { id: "quorra", name: "Quorra", aliases: [] } },
  {
    elementId: "2",
    id: "velmet",
    labels: ["Company", "Entity"],
    props: { id: "velmet", name: "Velmet Group", aliases: ["Velmet"] },
  },
  {
    elementId: "3",
    id: "velmet-apps",
    labels: ["Product", "Entity"],
    props: { id: "velmet-apps", name: "Velmet Apps", aliases: [] },
  },
  {
    elementId: "4",
    id: "drones",
    labels: ["Product", "Entity"],
    props: { id: "drones", name: "Fictional drones", aliases: [] },
  },
];

describe("re-point and merge, from the review to the ingest plan", () => {
  const reviewed = repoint(
    repoint(content, "quorra-holdings", { id: "quorra", name: "Quorra", label: "Company" }),
    "velmet-apps",
    { id: "velmet", name: "Velmet Group", label: "Company" },
  );

  it("points the claims at the picked nodes and keeps only the merged name", () => {
    expect(reviewed.items.map((claim) => `${claim.subject} ${claim.predicate} ${claim.object}`)).toEqual([
      "quorra SOURCES_FROM velmet",
      "velmet ORDERED drones",
    ]);
    expect(reviewed.entities.find((entity) => entity.id === "quorra")?.mergedNames).toEqual(["Quorra Holdings"]);
    expect(reviewed.entities.find((entity) => entity.id === "velmet")?.mergedNames).toBeUndefined();
    expect(reviewed.entities.map((entity) => entity.id)).not.toContain("quorra-holdings");
  });

  it("declares the merged node by its id with the merged name, and nothing for a re-pointed one", () => {
    const file = claimsFileSchema.parse(draftToClaimsFile(reviewed, { today: "2025-06-01" }));
    expect(file.entities).toEqual([
      { id: "quorra", name: "Quorra Holdings", label: "Company", aliases: [], properties: {} },
    ]);
  });

  it("adds the merged name to the node's aliases and creates no node", () => {
    const file = claimsFileSchema.parse(draftToClaimsFile(reviewed, { today: "2025-06-01" }));
    const planned = planIngest(file, graph);
    if (!planned.plan) throw new Error(JSON.stringify(planned.problems));
    const quorra = planned.plan.nodes.find((node) => node.id === "quorra");
    expect(quorra?.props).toMatchObject({ name: "Quorra", aliases: ["Quorra Holdings"] });
    expect(planned.plan.nodes.filter((node) => node.outcome === "created").map((node) => node.id)).toEqual([
      "fictional-courier",
    ]);
    expect(planned.plan.nodes.find((node) => node.id === "velmet")).toBeUndefined();
  });

  it("merging twice keeps both names, once each", () => {
    const again = repoint(
      {
        ...reviewed,
        entities: [...reviewed.entities, { ...content.entities[0], id: "q-h", name: "Quorra HQ" } as never],
      },
      "q-h",
      { id: "quorra", name: "Quorra", label: "Company" },
    );
    expect(again.entities.find((entity) => entity.id === "quorra")?.mergedNames).toEqual([
      "Quorra Holdings",
      "Quorra HQ",
    ]);
  });
});
