import { describe, expect, it } from "vitest";
import {
  asOfChoice,
  asOfOfView,
  dayFromNumber,
  dayNumber,
  describeAsOf,
  isNow,
  NOW,
  sameAsOf,
  toAsOfQuery,
} from "../../client/src/claims/as-of";
import { decodeViewState, encodeViewState, ViewLinkError } from "../../client/src/explorer/view-url";
import { type ViewState, viewStateSchema } from "../../contract/graph-contract";

const view: ViewState = viewStateSchema.parse({
  v: 1,
  nodes: [{ id: "bytedance", x: 1, y: 2 }],
  filters: { corroboratedOnly: true, contestedOnly: true, reportedSince: "2025-01-01" },
  knownAt: "2024-12-31",
});

describe("the as-of date", () => {
  it("is a mode and a day, and today when cleared", () => {
    expect(toAsOfQuery({ mode: "known", day: "2024-12-31" })).toEqual({ knownAt: "2024-12-31" });
    expect(toAsOfQuery({ mode: "held", day: "2024-06-01" })).toEqual({ holdsAt: "2024-06-01" });
    expect(toAsOfQuery(null)).toEqual(NOW);
    expect(asOfChoice({ holdsAt: "2024-06-01" })).toEqual({ mode: "held", day: "2024-06-01" });
    expect(asOfChoice(NOW)).toBeNull();
    expect(isNow(NOW)).toBe(true);
    expect(isNow({ knownAt: "2024-12-31" })).toBe(false);
    expect(sameAsOf({ knownAt: "2024-12-31" }, { knownAt: "2024-12-31" })).toBe(true);
    expect(sameAsOf({ knownAt: "2024-12-31" }, { holdsAt: "2024-12-31" })).toBe(false);
  });

  it("names the undo step", () => {
    expect(describeAsOf({ knownAt: "2024-12-31" })).toBe("Known on 2024-12-31");
    expect(describeAsOf({ holdsAt: "2024-06-01" })).toBe("Held on 2024-06-01");
    expect(describeAsOf(NOW)).toBe("Today");
  });

  it("counts days for the slider and back, across month and leap-year ends", () => {
    for (const day of ["1970-01-01", "2024-02-29", "2024-12-31", "2025-03-10"]) {
      expect(dayFromNumber(dayNumber(day))).toBe(day);
    }
    expect(dayNumber("2024-03-01") - dayNumber("2024-02-28")).toBe(2);
  });
});

describe("the as-of date and the claim filters in a view link", () => {
  it("survive the URL round trip", async () => {
    const decoded = await decodeViewState(`#${await encodeViewState(view)}`);
    expect(decoded.knownAt).toBe("2024-12-31");
    expect(decoded.holdsAt).toBeUndefined();
    expect(decoded.filters).toMatchObject({ corroboratedOnly: true, contestedOnly: true, reportedSince: "2025-01-01" });
    expect(asOfOfView(decoded)).toEqual({ knownAt: "2024-12-31" });
  });

  it("leave a view without them as today with no claim filter", async () => {
    const plain = viewStateSchema.parse({ v: 1, nodes: [] });
    const decoded = await decodeViewState(await encodeViewState(plain));
    expect(asOfOfView(decoded)).toEqual(NOW);
    expect(decoded.filters.corroboratedOnly).toBeUndefined();
  });

  it("refuse a link whose date is not a calendar day", async () => {
    const broken = { ...view, knownAt: "2024-02-30" };
    await expect(decodeViewState(await encodeViewState(broken))).rejects.toThrow(ViewLinkError);
    const badSince = { ...view, filters: { ...view.filters, reportedSince: "soon" } };
    await expect(decodeViewState(await encodeViewState(badSince))).rejects.toThrow(ViewLinkError);
  });
});
