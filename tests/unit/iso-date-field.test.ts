import { describe, expect, it } from "vitest";
import { isRealDay, withHyphens } from "../../client/src/dom/iso-date-field";

describe("ISO day fields", () => {
  it("puts the hyphens in digits typed without them, and leaves typed hyphens alone", () => {
    expect(["2", "2024", "20241", "202412", "2024123", "20241231", "202412319"].map(withHyphens)).toEqual([
      "2",
      "2024",
      "2024-1",
      "2024-12",
      "2024-12-3",
      "2024-12-31",
      "2024-12-31",
    ]);
    expect(["2024-0", "2024-02", "2024-023", "2024-02-3"].map(withHyphens)).toEqual([
      "2024-0",
      "2024-02",
      "2024-02-3",
      "2024-02-3",
    ]);
    expect(withHyphens("2024-1-5")).toBe("2024-1-5");
  });

  it("knows the days of the calendar", () => {
    expect(isRealDay("2024-02-29")).toBe(true);
    expect(isRealDay("2023-02-29")).toBe(false);
    expect(isRealDay("2024-13-01")).toBe(false);
    expect(isRealDay("2024-04-31")).toBe(false);
    expect(isRealDay("12/31/2024")).toBe(false);
  });
});
