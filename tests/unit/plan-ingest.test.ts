import { describe, expect, it } from "vitest";
import type { ClaimsFile } from "../../contract/claims-file";
import type { GraphNodeRecord } from "../../server/src/claims/entity-resolver";
import { planIngest } from "../../server/src/claims/plan-ingest";
import { validateClaimsFile } from "../../server/src/claims/validate-claims-file";

const now = new Date("2025-06-01T00:00:00Z");

/** A valid claims file (fictional) with the schema's defaults filled in, changed by `edit`. */
function claimsFile(edit: (file: Record<string, unknown> & { claims: Record<string, unknown>[] }) => void = () => {}) {
  const file = {
    format: "claims/1",
    article: {
      id: "fictional-article",
      title: "A fictional article",
      source: "wire",
      language: "en",
      publishedAt: "2025-01-02",
    },
    sources: [{ id: "wire", name: "The Fictional Wire", grade: "C" }],
    entities: [{ name: "Fictional Foundry", label: "Company", aliases: ["FF"] }],
    claims: [
      {
        subject: "Fictional Foundry",
        predicate: "SOURCES_FROM",
        object: "华为",
        source: "wire",
        certainty: "reported",
        quote: "Fictional Foundry buys from Huawei.",
        quoteLang: "en",
        quoteEn: "Fictional Foundry buys from Huawei.",
        reportedAt: "2025-01-02",
      },
    ],
  };
  edit(file as never);
  const { file: valid, problems } = validateClaimsFile(file, now);
  expect(problems).toEqual([]);
  return valid as ClaimsFile;
}

const node = (id: string, label: string, props: Record<string, unknown>): GraphNodeRecord => ({
  elementId: `4:x:${id}`,
  id,
  labels: [label, "Entity"],
  props: { id, ...props },
});
const huawei = node("huawei", "Company", { name: "Huawei", aliases: ["华为", "Huawei Technologies"] });

describe("planIngest", () => {
  it("creates what the graph lacks and resolves a claim's object by alias, reporting the merge and why", () => {
    const { plan, problems } = planIngest(claimsFile(), [huawei]);
    expect(problems).toEqual([]);
    expect(plan?.nodes).toEqual([
      expect.objectContaining({ id: "wire", label: "Source", kind: "sources", outcome: "created" }),
      expect.objectContaining({ id: "fictional-foundry", label: "Company", kind: "entities", outcome: "created" }),
    ]);
    expect(plan?.merges).toEqual([
      { path: "$.claims[0].object", given: "华为", nodeId: "huawei", reason: "alias", matched: "华为" },
    ]);
    expect(plan?.relationships).toEqual([
      {
        key: "fictional-foundry|SOURCES_FROM|huawei",
        from: "fictional-foundry",
        to: "huawei",
        type: "SOURCES_FROM",
        id: "fictional-foundry-sources-from-huawei",
        props: {},
      },
    ]);
    expect(plan?.article).toEqual({
      id: "fictional-article",
      props: expect.objectContaining({ title: "A fictional article", sourceId: "wire" }),
    });
    expect(plan?.claims[0]).toMatchObject({
      relationshipKey: "fictional-foundry|SOURCES_FROM|huawei",
      props: {
        subject: "fictional-foundry",
        object: "huawei",
        knownFrom: "2025-01-02",
        articleId: "fictional-article",
      },
    });
  });

  it("derives claim ids from content: the same file plans the same ids, another quote another id", () => {
    const first = planIngest(claimsFile(), [huawei]).plan?.claims[0]?.props.id;
    expect(planIngest(claimsFile(), [huawei]).plan?.claims[0]?.props.id).toBe(first);
    const changed = claimsFile((file) => Object.assign(file.claims[0] as object, { quote: "Another sentence." }));
    expect(planIngest(changed, [huawei]).plan?.claims[0]?.props.id).not.toBe(first);
  });

  it("merges an entry into the node it names: its aliases join the node's, and a second run changes nothing", () => {
    const file = claimsFile((edit) => {
      edit.entities = [{ name: "Huawei Technologies", label: "Company", aliases: ["HW"] }];
      Object.assign(edit.claims[0] as object, { subject: "HW" });
    });
    const merged = planIngest(file, [huawei]).plan?.nodes.find((planned) => planned.id === "huawei");
    expect(merged).toMatchObject({
      outcome: "merged",
      props: { name: "Huawei", aliases: ["华为", "Huawei Technologies", "HW"] },
    });
    const after = node("huawei", "Company", merged?.props ?? {});
    expect(planIngest(file, [after]).plan?.nodes.find((planned) => planned.id === "huawei")?.outcome).toBe("unchanged");
  });

  it("lists every problem at once: an ambiguous name, an unknown one, a taken id, a repeated claim", () => {
    const twins = [
      node("acme-chips", "Company", { name: "Acme", aliases: [] }),
      node("acme-labs", "Company", { name: "Acme Labs", aliases: ["Acme"] }),
      node("fictional-foundry", "Chip", { name: "Some chip", aliases: [] }),
    ];
    const file = claimsFile((edit) => {
      edit.claims.push({ ...(edit.claims[0] as object), subject: "Acme", object: "Nobody Known" });
    });
    const { plan, problems } = planIngest(file, [...twins, huawei]);
    expect(plan).toBeNull();
    expect(problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(["$.entities[0]", "$.claims[1].subject", "$.claims[1].object"]),
    );
    expect(problems.find((problem) => problem.path === "$.entities[0]")?.message).toMatch(
      /id "fictional-foundry" is taken/,
    );
    expect(problems.find((problem) => problem.path === "$.claims[1].object")?.message).toMatch(
      /declare it in \$\.entities/,
    );

    const repeated = claimsFile((edit) => {
      edit.claims.push({ ...(edit.claims[0] as object) });
    });
    expect(planIngest(repeated, [huawei]).problems).toEqual([
      { path: "$.claims[1]", message: "the same claim as $.claims[0]" },
    ]);
  });

  it("plans one relationship for several claims of the same subject, predicate and object", () => {
    const file = claimsFile((edit) => {
      edit.claims.push({ ...(edit.claims[0] as object), certainty: "confirmed", quote: "Confirmed now." });
    });
    const { plan } = planIngest(file, [huawei]);
    expect(plan?.relationships).toHaveLength(1);
    expect(plan?.claims.map((claim) => claim.relationshipKey)).toEqual([
      "fictional-foundry|SOURCES_FROM|huawei",
      "fictional-foundry|SOURCES_FROM|huawei",
    ]);
  });
});
