/**
 * The change list (issue #20) as a pure function: a relationship's state at D1 against D2 on the
 * known, held and entered axes; swapped and future dates; why a timeline is empty.
 */
import { describe, expect, it } from "vitest";
import { firstDay, lastDay } from "../../contract/partial-dates";
import { type DiffWindow, diffClaims, type HistoryClaim } from "../../server/src/timeline/change-diff";
import { resolveDays, timelineOf } from "../../server/src/timeline/timeline-view";

let position = 0;
function claim(over: Partial<HistoryClaim> & { id: string; reportedAt: string }): HistoryClaim {
  const subject = over.subject ?? "velmora";
  const object = over.object ?? "qx9";
  const type = over.type ?? "ORDERED";
  return {
    relationshipId: `${subject}-${type.toLowerCase()}-${object}`,
    type,
    subject,
    object,
    stance: "asserts",
    certainty: "reported",
    quote: `Quote of ${over.id}, in words of its own ${over.id} ${over.id}.`,
    quoteLang: "en",
    quoteEn: null,
    quantities: {},
    validFrom: null,
    validTo: null,
    knownFrom: firstDay(over.reportedAt),
    holdsFrom: over.validFrom ? firstDay(over.validFrom) : null,
    holdsTo: over.validTo ? lastDay(over.validTo) : null,
    sourceId: "wire",
    republishes: null,
    articleId: `article-${over.id}`,
    position: position++,
    ingestedAt: null,
    subjectAs: null,
    objectAs: null,
    ...over,
  };
}

const context = {
  names: new Map([
    ["velmora", "Velmora Systems"],
    ["qx9", "QX-9"],
  ]),
  sources: [
    { id: "wire", name: "Northwind Wire", aliases: [] },
    { id: "gazette", name: "The Harbour Gazette", aliases: [] },
    { id: "courrier", name: "Le Courrier fictif", aliases: [] },
  ],
};
const known = (from: string, to: string): DiffWindow => ({ axis: "known", from, to, today: "2026-01-01" });
const kinds = (claims: HistoryClaim[], window: DiffWindow) =>
  diffClaims(claims, window, context).map((change) => `${change.kind} ${change.relationshipId ?? change.entityIds[0]}`);

describe("change list between two dates", () => {
  it("reports a relationship first reported, with its entities, and nothing when nothing is new", () => {
    const claims = [claim({ id: "a", reportedAt: "2021-03-02" })];
    const changes = diffClaims(claims, known("2021-01-01", "2021-12-31"), context);
    expect(changes.map((change) => change.kind)).toEqual(["new-relationship", "new-entity", "new-entity"]);
    expect(changes[0]).toMatchObject({
      relationshipId: "velmora-ordered-qx9",
      entityIds: ["velmora", "qx9"],
      label: "Velmora Systems ORDERED QX-9: first reported",
      after: "reported",
    });
    expect(changes[0]?.claims.map((item) => item.id)).toEqual(["a"]);
    expect(kinds(claims, known("2021-04-01", "2021-12-31"))).toEqual([]);
  });

  it("counts a partial date from its first day", () => {
    const claims = [claim({ id: "a", reportedAt: "2021-03" })];
    expect(kinds(claims, known("2021-02-28", "2021-03-01"))).toContain("new-relationship velmora-ordered-qx9");
    expect(kinds(claims, known("2021-03-01", "2021-03-31"))).toEqual([]);
  });

  it("raises the certainty, and corroborates only with a new independent origin", () => {
    const claims = [
      claim({ id: "a", reportedAt: "2021-03-02", certainty: "speculative" }),
      claim({ id: "b", reportedAt: "2021-05-01", sourceId: "courrier", republishes: "wire" }),
      claim({ id: "c", reportedAt: "2021-09-01", sourceId: "gazette", certainty: "confirmed" }),
    ];
    expect(kinds(claims, known("2021-04-01", "2021-06-01"))).toEqual(["certainty-raised velmora-ordered-qx9"]);
    const later = diffClaims(claims, known("2021-06-01", "2021-12-31"), context);
    expect(later.map((change) => change.kind)).toEqual(["certainty-raised", "newly-corroborated"]);
    expect(later[0]).toMatchObject({ before: "reported", after: "confirmed" });
    expect(later[1]).toMatchObject({ origins: ["The Harbour Gazette"], before: "1", after: "2" });
    expect(later[1]?.claims.map((item) => item.id)).toEqual(["c"]);
  });

  it("says a quantity newly given two values is contested, and a denial denied", () => {
    const claims = [
      claim({ id: "a", reportedAt: "2021-03-02", quantities: { quantity: 50000 } }),
      claim({ id: "b", reportedAt: "2022-02-10", sourceId: "wire", quantities: { quantity: 80000 } }),
      claim({ id: "c", reportedAt: "2022-11-20", sourceId: "gazette", stance: "denies" }),
    ];
    const changes = diffClaims(claims, known("2021-12-31", "2022-12-31"), context);
    expect(changes.map((change) => change.kind)).toEqual(["newly-contested", "denied"]);
    expect(changes[0]).toMatchObject({ before: "quantity = 50000", after: "quantity = 50000, 80000" });
    expect(changes[1]?.claims.map((item) => item.id)).toEqual(["c"]);
  });

  it("ends a validity on the known axis when every assertion's end has passed, and on the held axis", () => {
    const claims = [claim({ id: "a", reportedAt: "2021-09-15", validFrom: "2021-09-01", validTo: "2022-06-30" })];
    expect(kinds(claims, known("2021-12-31", "2022-12-31"))).toEqual(["validity-ended velmora-ordered-qx9"]);
    expect(kinds(claims, known("2021-12-31", "2022-06-30"))).toEqual([]);
    const held: DiffWindow = { axis: "held", from: "2021-12-31", to: "2022-12-31", today: "2026-01-01" };
    expect(kinds(claims, held)).toEqual(["validity-ended velmora-ordered-qx9"]);
    // An assertion that gives no end keeps it open.
    const open = [...claims, claim({ id: "b", reportedAt: "2022-01-05" })];
    expect(kinds(open, known("2021-12-31", "2022-12-31"))).toEqual([]);
  });

  it("on the held axis: began to hold, and a certainty lowered when the confirmed claim stops holding", () => {
    const claims = [
      claim({ id: "a", reportedAt: "2020-01-01", validFrom: "2021-01", certainty: "reported" }),
      claim({
        id: "b",
        reportedAt: "2020-01-01",
        validFrom: "2021-01",
        validTo: "2021-06",
        certainty: "confirmed",
        sourceId: "gazette",
      }),
    ];
    const held = (from: string, to: string): DiffWindow => ({ axis: "held", from, to, today: "2026-01-01" });
    const began = diffClaims(claims, held("2020-06-01", "2021-02-01"), context);
    expect(began.map((change) => change.kind)).toEqual(["new-relationship"]);
    expect(began[0]?.label).toContain("began to hold");
    expect(kinds(claims, held("2021-02-01", "2021-08-01"))).toEqual(["certainty-lowered velmora-ordered-qx9"]);
  });

  it("names an entity merged under a new name, not one named as before", () => {
    const claims = [
      claim({ id: "a", reportedAt: "2021-03-02", subjectAs: "Velmora Systems" }),
      claim({ id: "b", reportedAt: "2022-02-10", sourceId: "gazette", subjectAs: "Velmora Holdings" }),
      claim({ id: "c", reportedAt: "2022-03-01", sourceId: "gazette", subjectAs: "velmora systems" }),
    ];
    const changes = diffClaims(claims, known("2021-12-31", "2022-12-31"), context).filter(
      (change) => change.kind === "alias-merged",
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ entityIds: ["velmora"], before: "Velmora Systems", after: "Velmora Holdings" });
  });

  it("on the entered axis compares what was stored before and after an instant", () => {
    const claims = [
      claim({ id: "a", reportedAt: "2021-03-02", ingestedAt: "2026-01-01T10:00:00.000Z" }),
      claim({ id: "b", reportedAt: "2020-01-01", sourceId: "gazette", ingestedAt: "2026-01-02T10:00:00.000Z" }),
    ];
    const entered: DiffWindow = {
      axis: "entered",
      from: "2026-01-01T12:00:00.000Z",
      to: "2026-01-03T00:00:00.000Z",
      today: "2026-01-03",
    };
    // Reported long ago, stored after the analyst looked: a change for them.
    expect(kinds(claims, entered)).toEqual(["newly-corroborated velmora-ordered-qx9"]);
  });
});

describe("the dates asked", () => {
  it("swaps D2 before D1 and says so", () => {
    expect(resolveDays("2022-12-31", "2021-12-31", "2026-01-01")).toMatchObject({
      from: "2021-12-31",
      to: "2022-12-31",
      swapped: true,
      clamped: false,
    });
  });

  it("takes a future date as today and says so", () => {
    const days = resolveDays("2021-12-31", "2999-01-01", "2026-01-01");
    expect(days).toMatchObject({ from: "2021-12-31", to: "2026-01-01", clamped: true, swapped: false });
    expect(days.notices.join(" ")).toContain("2999-01-01 is in the future");
  });
});

describe("the timeline", () => {
  const article = { id: "x", title: "X", outlet: null, language: "en", publishedAt: null, claimCount: 0 };
  it("says why it is empty", () => {
    expect(timelineOf([], []).empty).toContain("No article");
    expect(timelineOf([article], []).empty).toContain("no claim");
    expect(timelineOf([article], [claim({ id: "a", reportedAt: "sometime" })]).empty).toContain("None of the 1 claims");
  });

  it("orders articles by date, undated last, ticks by report, and spans the dated ones", () => {
    const timeline = timelineOf(
      [article, { ...article, id: "y", publishedAt: "2022" }, { ...article, id: "z", publishedAt: "2021-05-03" }],
      [claim({ id: "late", reportedAt: "2022-02" }), claim({ id: "early", reportedAt: "2021-03-02" })],
    );
    expect(timeline.articles.map((item) => item.id)).toEqual(["z", "y", "x"]);
    expect(timeline.ticks.map((tick) => tick.claimId)).toEqual(["early", "late"]);
    expect(timeline.range).toEqual({ from: "2021-03-02", to: "2022-12-31" });
    expect(timeline.empty).toBeNull();
  });
});
