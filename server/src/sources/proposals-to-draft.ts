/**
 * Proposals as a claims file (format "claims/1") for an analyst to review and then ingest:
 * subjects and objects by the graph's id or by an entity the file declares, every cue in the
 * claim's properties. Nothing is translated: a claim has no English rendering (`quoteEn`) until the
 * analyst writes one.
 */
import type { ClaimEntry, ClaimsFile, EntityEntry, SourceEntry } from "../../../contract/claims-file";
import { ENTITY_LABELS } from "../../../contract/claims-file";
import { slugOf } from "../claims/fold-name";
import type { Proposals } from "./proposal";

const MAX_QUOTE = 4000;

export interface DraftDetails {
  title?: string;
  published?: string;
  file?: string;
  url?: string;
  /** The year used when no publication date is given (claims need a reportedAt). */
  today?: string;
  /** The graph's Source nodes: a source the text names is attributed to one by id or name, keeping its grade. */
  knownSources?: readonly { id: string; name: string; aliases: readonly string[]; grade: string }[];
}

const GRADES = ["A", "B", "C", "D", "E", "F"] as const;
const fold = (name: string) => name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().trim();

export function proposalsToDraft(result: Proposals, details: DraftDetails): ClaimsFile {
  const reportedAt = details.published ?? (details.today ?? new Date().toISOString()).slice(0, 4);
  const language = result.language === "unknown" ? "und" : result.language;
  const entityOf = new Map(result.entities.map((e) => [e.key, e]));
  const idOf = (key: string) => {
    const entity = entityOf.get(key);
    if (entity) return entity.id || slugOf(entity.name) || "entity";
    return key.replace(/^(id|new|np|policy|country):/, "");
  };
  const used = new Set(result.proposals.flatMap((p) => [p.subject, p.object]));
  const entities: EntityEntry[] = result.entities
    .filter((e) => !e.known && used.has(e.key))
    .map((e) => ({
      id: e.id || slugOf(e.name) || "entity",
      name: e.name,
      label: (ENTITY_LABELS as readonly string[]).includes(e.label) ? (e.label as EntityEntry["label"]) : "Company",
      aliases: [...new Set(e.aliases.filter((a) => a !== e.name))].slice(0, 50),
      properties: {},
    }));
  const graphSource = (id: string, name: string) =>
    details.knownSources?.find((k) => k.id === id || [k.name, ...k.aliases].some((n) => fold(n) === fold(name)));
  const sourceId = new Map<string, string>();
  const sources: SourceEntry[] = result.sources.map((s) => {
    const known = graphSource(s.id, s.name);
    sourceId.set(s.id, known?.id ?? s.id);
    const grade = GRADES.find((g) => g === known?.grade) ?? "F";
    return { id: known?.id ?? s.id, name: known?.name ?? s.name, grade, kind: s.kind, aliases: [], properties: {} };
  });
  const sourceOf = (id: string) => sourceId.get(id) ?? id;
  const claims: ClaimEntry[] = result.proposals.map((p) => ({
    subject: sourceId.has(p.subject) ? sourceOf(p.subject) : idOf(p.subject),
    predicate: p.predicate,
    object: sourceId.has(p.object) ? sourceOf(p.object) : idOf(p.object),
    source: sourceOf(p.source),
    stance: p.stance,
    certainty: p.certainty,
    quote: p.quote.slice(0, MAX_QUOTE),
    quoteLang: language,
    quantities: p.quantities,
    reportedAt,
    ...(p.validFrom ? { validFrom: p.validFrom } : {}),
    ...(p.republishes ? { republishes: sourceOf(p.republishes) } : {}),
    properties: {
      ...p.properties,
      proposedBy: "npm run extract",
      quoteOffsets: `${p.quoteStart}-${p.quoteEnd}`,
      cues: p.cues.slice(0, 50).map((c) => `${c.kind}: "${c.text}" @${c.start}-${c.end}`),
      ...(p.additionalEvidence.length > 0 ? { additionalEvidence: p.additionalEvidence.slice(0, 50) } : {}),
    },
  }));
  const title = details.title ?? details.file ?? "Untitled article";
  return {
    format: "claims/1",
    fictional: false,
    note: `Draft proposed by the proposals engine (${language}${result.notices.length ? `; ${result.notices.join(" ")}` : ""}). Review every claim, write English renderings where you can, grade the sources, then npm run ingest.`.slice(
      0,
      2000,
    ),
    article: {
      id: slugOf(`${title}-${reportedAt}`) || "article",
      title: title.slice(0, 500),
      source: result.outlet.id,
      language,
      publishedAt: reportedAt,
      ...(details.url ? { url: details.url } : {}),
      ...(details.file ? { file: details.file.slice(0, 300) } : {}),
    },
    sources,
    entities,
    claims,
  };
}
