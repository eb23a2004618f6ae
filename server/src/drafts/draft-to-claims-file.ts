/**
 * A draft's accepted claims as a claims file (format "claims/1"): what the commit ingests and the
 * download serves. The conversion only arranges what the analyst decided; the ingestion validates
 * it (slugs, predicates, labels, dates) and reports every problem with its JSON path.
 */
import {
  articleEntrySchema,
  type ClaimEntry,
  type ClaimsFile,
  ENTITY_LABELS,
  type EntityEntry,
  type SourceEntry,
} from "../../../contract/claims-file";
import type { DraftContent, DraftItem } from "../../../contract/draft-endpoints";
import { slugOf } from "../claims/fold-name";

/** Why a draft cannot become a claims file yet: said to the analyst as it is. */
export class DraftNotReady extends Error {
  override readonly name = "DraftNotReady";
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The outlet's id: the graph's when it is a known Source, else a slug of its name. */
export function outletIdOf(content: Pick<DraftContent, "outlet">): string {
  return content.outlet.known && content.outlet.id ? content.outlet.id : slugOf(content.outlet.name);
}

/** The article's id: stable for one title, outlet and date, so a second commit of the same article changes nothing. */
export function articleIdOf(content: DraftContent): string {
  return slugOf(`${outletIdOf(content)} ${content.title} ${content.published}`).slice(0, 120) || "article";
}

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The properties a claim keeps from its review: where it was read and what suggested it. */
function claimProperties(item: DraftItem): ClaimEntry["properties"] {
  return {
    quoteOffsets: `${item.start}-${item.end}`,
    proposedBy: item.origin === "manual" ? "analyst" : "proposals engine, reviewed",
    ...(item.cues.length > 0
      ? { cues: item.cues.slice(0, 50).map((cue) => `${cue.kind}: "${cue.text}" @${cue.start}-${cue.end}`) }
      : {}),
  };
}

export function draftToClaimsFile(content: DraftContent, options: { today: string }): ClaimsFile {
  const accepted = content.items.filter((item) => item.status === "accepted");
  if (content.title.trim() === "") throw new DraftNotReady("The article needs a title.");
  if (content.outlet.name.trim() === "") throw new DraftNotReady("The article needs an outlet.");
  if (accepted.length === 0) throw new DraftNotReady("Accept at least one claim before committing.");
  const published = content.published.trim();
  if (published !== "" && !PARTIAL_DATE.test(published))
    throw new DraftNotReady(`The publication date "${published}" is not YYYY-MM-DD (or YYYY-MM, or YYYY).`);
  const publishedAt = published || options.today.slice(0, 10);
  const url = content.url.trim();
  if (url !== "" && !isUrl(url)) throw new DraftNotReady(`The URL "${url.slice(0, 200)}" is not an http(s) address.`);
  const chosen = content.language || content.detectedLanguage || "";
  const language = LANGUAGE_TAG.test(chosen) && chosen !== "unknown" ? chosen : "und";
  const outletId = outletIdOf(content);

  const sources = new Map<string, SourceEntry>();
  sources.set(outletId, {
    id: outletId,
    name: content.outlet.name.trim(),
    grade: content.outlet.grade,
    aliases: [],
    properties: {},
    ...(content.outlet.kind ? { kind: content.outlet.kind } : {}),
  });
  const sourceOf = new Map(content.sources.map((source) => [source.id, source]));
  const useSource = (id: string) => {
    if (sources.has(id)) return;
    const source = sourceOf.get(id);
    if (source) sources.set(id, { id, name: source.name, grade: source.grade, aliases: [], properties: {} });
  };

  const entityOf = new Map(content.entities.map((entity) => [entity.id, entity]));
  const entities = new Map<string, EntityEntry>();
  const useEntity = (id: string) => {
    const entity = entityOf.get(id);
    if (!entity || entities.has(id) || sourceOf.has(id)) return;
    const known = (ENTITY_LABELS as readonly string[]).includes(entity.label);
    const label = known ? entity.label : "Company";
    const [mergedName, ...moreNames] = entity.mergedNames ?? [];
    if (entity.known && mergedName && known) {
      // A graph node the analyst merged new names into: declared by its id, so ingestion finds it
      // and adds those names to its aliases (its own name stays).
      entities.set(id, {
        id,
        name: mergedName,
        label: label as EntityEntry["label"],
        aliases: moreNames,
        properties: {},
      });
      return;
    }
    if (entity.known) return;
    entities.set(id, {
      id,
      name: entity.name,
      label: label as EntityEntry["label"],
      aliases: [...new Set(entity.aliases.filter((alias) => alias !== entity.name))].slice(0, 50),
      properties: {},
    });
  };

  const claims = accepted.map((item): ClaimEntry => {
    for (const end of [item.subject, item.object]) {
      useEntity(end);
      useSource(end);
    }
    useSource(item.source || outletId);
    if (item.republishes) useSource(item.republishes);
    const quoteEn = item.quoteEn.trim();
    return {
      subject: item.subject,
      predicate: item.predicate as ClaimEntry["predicate"],
      object: item.object,
      source: item.source || outletId,
      stance: item.stance,
      certainty: item.certainty,
      quote: item.quote,
      quoteLang: language,
      ...(quoteEn ? { quoteEn } : {}),
      quantities: item.quantities,
      reportedAt: publishedAt,
      ...(item.validFrom ? { validFrom: item.validFrom } : {}),
      ...(item.republishes ? { republishes: item.republishes } : {}),
      properties: claimProperties(item),
    };
  });

  // The article's full text goes with it once the claims file takes one (`article.text`).
  const takesText = "text" in articleEntrySchema.shape && content.text.trim() !== "";
  const article = {
    id: articleIdOf(content),
    title: content.title.trim(),
    source: outletId,
    language,
    publishedAt,
    ...(url ? { url } : {}),
    ...(content.file ? { file: content.file } : {}),
    ...(takesText ? { text: content.text } : {}),
  } as ClaimsFile["article"];
  return {
    format: "claims/1",
    fictional: false,
    note: "Reviewed in the Sources workspace: each claim was accepted (or written) by an analyst.",
    article,
    sources: [...sources.values()],
    entities: [...entities.values()],
    claims,
  };
}
