import { describe, expect, it } from "vitest";
import {
  bestMatch,
  editDistance,
  foldForSearch,
  rankSearchHits,
  type SearchCandidate,
} from "../../server/src/graph/rank-search-hits";

const entity = (name: string, aliases: string[] = [], score = 1): SearchCandidate & { id: string } => ({
  id: name,
  name,
  aliases,
  isRecord: false,
  score,
});
const record = (name: string, score = 1) => ({ ...entity(name, [], score), isRecord: true });

describe("search ranking", () => {
  it("puts an exact name before an article whose title starts with it, whatever the index scored", () => {
    const ranked = rankSearchHits("ByteDance", [
      record("ByteDance s'appuie sur Huawei pour du matériel", 9),
      entity("ByteDance–Huawei custom AI model", [], 5),
      entity("ByteDance", [], 2),
    ]);
    expect(ranked.map((hit) => hit.id)).toEqual([
      "ByteDance",
      "ByteDance–Huawei custom AI model",
      "ByteDance s'appuie sur Huawei pour du matériel",
    ]);
    expect(ranked[0]?.match).toEqual({ kind: "exact", field: "name", text: "ByteDance" });
  });

  it("says which alias matched, ignoring case, accents and width", () => {
    expect(bestMatch("TWITTER", entity("X", ["Twitter"]))).toMatchObject({
      kind: "exact",
      field: "alias",
      text: "Twitter",
    });
    expect(bestMatch("华为", entity("Huawei Technologies", ["Huawei", "华为"]))).toMatchObject({
      kind: "exact",
      field: "alias",
      text: "华为",
    });
    expect(bestMatch("ｈｕａｗｅｉ", entity("Huawei Technologies", ["Huawei"]))).toMatchObject({ kind: "exact" });
    expect(foldForSearch("Société  Générale")).toBe("societe generale");
  });

  it("ranks prefix, then all words, then typos closest first", () => {
    const ranked = rankSearchHits("ascend 9", [entity("Huawei Ascend 910B", [], 3), entity("Ascend 910C", [], 1)]);
    expect(ranked.map((hit) => [hit.id, hit.match.kind])).toEqual([
      ["Ascend 910C", "prefix"],
      ["Huawei Ascend 910B", "words"],
    ]);
    const typos = rankSearchHits("huawie", [entity("Hua Hin", [], 5), entity("Huawei Technologies", ["Huawei"], 1)]);
    expect(typos[0]?.id).toBe("Huawei Technologies");
    expect(typos[0]?.match.kind).toBe("fuzzy");
  });

  it("counts a swap of two neighbouring letters as one edit", () => {
    expect(editDistance("huawie", "huawei")).toBe(1);
    expect(editDistance("bytdance", "bytedance")).toBe(1);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
  });
});
