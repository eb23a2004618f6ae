import { describe, expect, it } from "vitest";
import { changesToCsv } from "../../client/src/timeline/changes-csv";
import {
  dayAt,
  dayPosition,
  endedOn,
  groupChanges,
  relationshipMarks,
  stepDay,
  stripModel,
} from "../../client/src/timeline/timeline-model";
import { describeRange } from "../../client/src/timeline/timeline-strip";
import type { Change, Timeline, TimelineTick } from "../../contract/timeline-endpoints";

/** A fictional timeline: three articles, claims on two relationships (one later denied). */
const tick = (over: Partial<TimelineTick> & Pick<TimelineTick, "claimId" | "reportedAt">): TimelineTick => ({
  relationshipId: "r1",
  sourceId: "a",
  targetId: "b",
  type: "ORDERED",
  certainty: "reported",
  stance: "asserts",
  validFrom: null,
  validTo: null,
  articleId: null,
  outletId: "outlet",
  ...over,
});
const article = (id: string, publishedAt: string | null) => ({
  id,
  title: `Article ${id}`,
  outlet: { id: "o", name: "Fictional Wire" },
  language: "en",
  publishedAt,
  claimCount: 1,
});
const timeline: Timeline = {
  articles: [article("c", "2025-03"), article("a", "2024-01-10"), article("b", "2024-06-01"), article("u", null)],
  ticks: [
    tick({ claimId: "1", reportedAt: "2024-01-10", certainty: "reported" }),
    tick({ claimId: "2", reportedAt: "2024-06-01", certainty: "confirmed" }),
    tick({
      claimId: "3",
      reportedAt: "2024-06-01",
      relationshipId: "r2",
      certainty: "speculative",
      validFrom: "2024-02",
    }),
    tick({ claimId: "4", reportedAt: "2025-03", relationshipId: "r2", stance: "denies" }),
  ],
  range: { from: "2024-01-10", to: "2025-03-01" },
  empty: null,
};

describe("the timeline strip's model", () => {
  it("places dated articles in order (partial dates at their first day), leaves undated ones off, stacks claims per day", () => {
    const model = stripModel(timeline);
    expect(model.articles.map((mark) => [mark.article.id, mark.day])).toEqual([
      ["a", "2024-01-10"],
      ["b", "2024-06-01"],
      ["c", "2025-03-01"],
    ]);
    expect(model.stacks).toEqual([
      { day: "2024-01-10", counts: { confirmed: 0, reported: 1, speculative: 0 }, denials: 0 },
      { day: "2024-06-01", counts: { confirmed: 1, reported: 0, speculative: 1 }, denials: 0 },
      { day: "2025-03-01", counts: { confirmed: 0, reported: 0, speculative: 0 }, denials: 1 },
    ]);
    expect(model.empty).toBeNull();
    expect(dayPosition(model, "2024-01-10")).toBe(0);
    expect(dayPosition(model, "2025-03-01")).toBe(1);
    expect(dayAt(model, 0)).toBe("2024-01-10");
    expect(dayAt(model, 1)).toBe("2025-03-01");
    expect(dayAt(model, 2)).toBe("2025-03-01");
  });

  it("says why it is empty when nothing is dated", () => {
    const model = stripModel({ articles: [article("u", null)], ticks: [], range: null, empty: null });
    expect(model.empty).toMatch(/no claim or article .* has a date/);
    expect(stripModel({ articles: [], ticks: [], range: null, empty: "The server's reason" }).empty).toBe(
      "The server's reason",
    );
  });

  it("steps article by article, one step per day, and stops at the ends", () => {
    const model = stripModel(timeline);
    expect(stepDay(model, null, 1)).toBe("2024-01-10");
    expect(stepDay(model, "2024-01-10", 1)).toBe("2024-06-01");
    expect(stepDay(model, "2024-03-15", 1)).toBe("2024-06-01");
    expect(stepDay(model, "2025-03-01", 1)).toBeNull();
    expect(stepDay(model, "2024-06-01", -1)).toBe("2024-01-10");
    expect(stepDay(model, "2024-01-10", -1)).toBeNull();
    expect(stepDay(model, null, -1)).toBe("2025-03-01");
  });

  it("marks relationships new in the range and those whose latest claim denies them", () => {
    const early = relationshipMarks(timeline.ticks, { from: "2024-06-01", to: "2024-06-01" }, "known");
    expect([...early.fresh]).toEqual(["r2"]);
    expect([...early.denied]).toEqual([]);
    const all = relationshipMarks(timeline.ticks, { from: "2024-01-01", to: "2025-03-01" }, "known");
    expect([...all.fresh].sort()).toEqual(["r1", "r2"]);
    expect([...all.denied]).toEqual(["r2"]);
    // No start: nothing is new. On the held axis r2 counts from its validity's start (2024-02).
    expect(relationshipMarks(timeline.ticks, { from: null, to: "2025-03-01" }, "known").fresh.size).toBe(0);
    expect([...relationshipMarks(timeline.ticks, { from: "2024-03-01", to: "2024-12-31" }, "held").fresh]).toEqual([]);
    expect([...relationshipMarks(timeline.ticks, { from: "2024-02-01", to: "2024-12-31" }, "held").fresh]).toEqual([
      "r2",
    ]);
  });

  it("on the held axis, names the relationships whose validity ended by the day, with the day it ended", () => {
    const ticks = [
      tick({
        claimId: "1",
        relationshipId: "rule",
        reportedAt: "2021-09-15",
        validFrom: "2021-09",
        validTo: "2022-06",
      }),
      tick({
        claimId: "2",
        relationshipId: "rule",
        reportedAt: "2022-11-20",
        validFrom: "2021-09",
        validTo: "2022-06-30",
      }),
      tick({ claimId: "3", relationshipId: "later", reportedAt: "2021-01-01", validFrom: "2023-01-01" }),
      tick({ claimId: "4", relationshipId: "renewed", reportedAt: "2021-01-01", validTo: "2021-12-31" }),
      tick({ claimId: "5", relationshipId: "renewed", reportedAt: "2022-01-05", validFrom: "2022-01-01" }),
      tick({ claimId: "6", relationshipId: "denied", reportedAt: "2021-01-01", stance: "denies", validTo: "2021-06" }),
    ];
    // A month holds to its last day: still holding on 30 June 2022.
    expect([...endedOn(ticks, "2022-06-30")]).toEqual([]);
    // Over from 1 July; one not begun yet has not ended; one renewed holds again; a denial ends nothing.
    expect([...endedOn(ticks, "2022-07-01")]).toEqual([["rule", "2022-06-30"]]);
    expect([...endedOn(ticks, "2021-12-31")]).toEqual([]);
    expect([...endedOn(ticks, "2022-01-01")]).toEqual([]);
    expect(relationshipMarks(ticks, { from: null, to: "2022-07-01" }, "held").ended.get("rule")).toBe("2022-06-30");
    // The known axis does not fade for validity.
    expect(relationshipMarks(ticks, { from: null, to: "2022-07-01" }, "known").ended.size).toBe(0);
  });

  it("describes a range in words", () => {
    expect(describeRange({ from: null, to: null })).toBe("Today");
    expect(describeRange({ from: "2024-01-10", to: "2024-01-10" })).toBe("2024-01-10");
    expect(describeRange({ from: "2024-01-10", to: "2024-06-01" })).toBe("2024-01-10 → 2024-06-01");
  });
});

const change = (kind: Change["kind"], label: string, claims: Change["claims"] = []): Change => ({
  kind,
  relationshipId: "r1",
  type: "ORDERED",
  entityIds: ["a", "b"],
  label,
  before: kind === "certainty-raised" ? "reported" : null,
  after: kind === "certainty-raised" ? "confirmed" : null,
  origins: [],
  claims,
});

describe("the change list", () => {
  it("groups changes by kind in the contract's order", () => {
    const groups = groupChanges([change("denied", "x"), change("new-relationship", "y"), change("denied", "z")]);
    expect(groups.map((group) => [group.kind, group.changes.map((entry) => entry.label)])).toEqual([
      ["new-relationship", ["y"]],
      ["denied", ["x", "z"]],
    ]);
  });

  it("exports as a CSV evidence table: BOM, one row per claim, cells defused and quoted", () => {
    const claim = {
      id: "claim-1",
      relationshipId: "r1",
      stance: "asserts" as const,
      certainty: "confirmed" as const,
      reportedAt: "2024-06-01",
      validFrom: null,
      validTo: null,
      outlet: { id: "o", name: "Fictional Wire" },
      articleId: "article-b",
      quote: "Selon l'agence, « la commande », dit-on",
      quoteLang: "fr",
      quoteEn: "=cmd",
      quantities: {},
    };
    const csv = changesToCsv([change("certainty-raised", "A ORDERED B: raised", [claim]), change("new-entity", "C")]);
    expect(csv.startsWith("\uFEFFchange,what,")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      "Certainty raised,A ORDERED B: raised,ORDERED,reported,confirmed,2024-06-01,Fictional Wire,asserts,confirmed,,," +
        "\"Selon l'agence, « la commande », dit-on\",fr,'=cmd,article-b,claim-1",
    );
    expect(lines[2]?.split(",")).toHaveLength(16);
  });
});
