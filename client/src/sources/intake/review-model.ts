/**
 * The review's data, as pure functions over a draft's content: proposals in from the extract
 * answer, grouped by sentence, entities re-pointed, and the text cut into segments for highlighting.
 */
import {
  DRAFT_CUE_LIMITS,
  type DraftContent,
  type DraftEntity,
  type DraftItem,
} from "../../../../contract/draft-endpoints";
import type { ExtractAnswer } from "../../../../contract/extract-endpoints";

/**
 * A cue as the draft stores it: its words and kind cut to the draft's limits, so a long cue from
 * the engine never makes the draft unsaveable (the offsets still say where it is).
 */
const fitCue = (cue: { kind: string; text: string; start: number; end: number }) => ({
  kind: cue.kind.slice(0, DRAFT_CUE_LIMITS.kind),
  text: cue.text.slice(0, DRAFT_CUE_LIMITS.text),
  start: cue.start,
  end: cue.end,
});

/** The proposals of an extract answer as the draft's review items (all pending), entities and sources. */
export function withProposals(content: DraftContent, answer: ExtractAnswer): DraftContent {
  const items = answer.draft.claims.map((claim, index): DraftItem => {
    const place = answer.review.claims[index];
    return {
      id: `p${index + 1}`,
      origin: "proposal",
      status: "pending",
      subject: claim.subject,
      predicate: claim.predicate,
      object: claim.object,
      source: claim.source,
      stance: claim.stance,
      certainty: claim.certainty,
      quote: claim.quote,
      quoteEn: "",
      quantities: claim.quantities,
      ...(claim.validFrom ? { validFrom: claim.validFrom } : {}),
      ...(claim.republishes ? { republishes: claim.republishes } : {}),
      start: place?.start ?? 0,
      end: place?.end ?? 0,
      cues: (place?.cues ?? []).slice(0, 100).map(fitCue),
    };
  });
  const declared = new Map(answer.draft.entities.map((entity) => [entity.id, entity]));
  const entities = answer.review.entities.map(
    (entity): DraftEntity => ({
      id: entity.id,
      name: entity.name.slice(0, 300),
      label: (declared.get(entity.id)?.label ?? entity.label).slice(0, 60),
      known: entity.known,
      why: entity.why.slice(0, 300),
      aliases: entity.aliases.slice(0, 50).map((alias) => alias.slice(0, 300)),
      mentions: entity.mentions.slice(0, 500).map((mention) => ({ ...mention, text: mention.text.slice(0, 300) })),
    }),
  );
  const grade = (value: string) => (["A", "B", "C", "D", "E", "F"].includes(value) ? value : "F") as "F";
  return {
    ...content,
    detectedLanguage: answer.language,
    notices: answer.notices.slice(0, 50),
    items: [...content.items.filter((item) => item.origin === "manual"), ...items],
    entities,
    sources: answer.review.sources.map((source) => ({
      id: source.id,
      name: source.name,
      grade: grade(source.grade),
      known: source.known,
    })),
  };
}

export interface SentenceGroup {
  key: string;
  start: number;
  end: number;
  items: DraftItem[];
}

/** Items grouped by the sentence they were read in, in the text's order; hand-added ones by their span. */
export function groupBySentence(items: readonly DraftItem[]): SentenceGroup[] {
  const groups = new Map<string, SentenceGroup>();
  for (const item of items) {
    const key = `${item.start}-${item.end}`;
    const group = groups.get(key) ?? { key, start: item.start, end: item.end, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Points every claim that names `fromId` at `to` instead (an existing node the analyst picked), and
 * records the entity as resolved to it: a new entity merged into the graph's (its name kept in
 * `mergedNames`, an alias at commit), or a mention re-pointed (no alias: the mention was wrong).
 */
export function repoint(
  content: DraftContent,
  fromId: string,
  to: { id: string; name: string; label: string },
): DraftContent {
  const swap = (id: string) => (id === fromId ? to.id : id);
  const from = content.entities.find((entity) => entity.id === fromId);
  const why = from && !from.known ? `merged into ${to.name} (picked by the analyst)` : "picked by the analyst";
  const others = content.entities.filter((entity) => entity.id !== fromId && entity.id !== to.id);
  const existing = content.entities.find((entity) => entity.id === to.id);
  // A new entity merged in leaves its name (and what was merged into it) as the node's aliases.
  const mergedNames = [
    ...(existing?.mergedNames ?? []),
    ...(from && !from.known ? [from.name] : []),
    ...(from?.mergedNames ?? []),
  ].filter((name, index, all) => name !== to.name && all.indexOf(name) === index);
  const merged: DraftEntity = {
    id: to.id,
    name: to.name,
    label: to.label,
    known: true,
    why,
    aliases: existing?.aliases ?? [],
    ...(mergedNames.length > 0 ? { mergedNames: mergedNames.slice(0, 50) } : {}),
    mentions: [...(existing?.mentions ?? []), ...(from?.mentions ?? [])].slice(0, 500),
  };
  return {
    ...content,
    entities: [...others, merged],
    items: content.items.map((item) => ({ ...item, subject: swap(item.subject), object: swap(item.object) })),
  };
}

export interface Segment {
  start: number;
  end: number;
  /** Ids of the items whose sentence covers it. */
  items: string[];
  cue: boolean;
}

/** The text cut where a sentence or a cue of a (not rejected) item starts or ends. */
export function segmentText(text: string, items: readonly DraftItem[]): Segment[] {
  const live = items.filter((item) => item.status !== "rejected" && item.end > item.start);
  const cuts = new Set([0, text.length]);
  for (const item of live) {
    cuts.add(Math.max(0, Math.min(text.length, item.start)));
    cuts.add(Math.max(0, Math.min(text.length, item.end)));
    for (const cue of item.cues) {
      cuts.add(Math.max(0, Math.min(text.length, cue.start)));
      cuts.add(Math.max(0, Math.min(text.length, cue.end)));
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index] as number;
    const end = points[index + 1] as number;
    if (end <= start) continue;
    const covering = live.filter((item) => item.start <= start && end <= item.end);
    segments.push({
      start,
      end,
      items: covering.map((item) => item.id),
      cue: covering.some((item) => item.cues.some((cue) => cue.start <= start && end <= cue.end)),
    });
  }
  return segments;
}

/** The names an id stands for in this draft: an entity's, a source's, or the id itself. */
export function nameOf(content: DraftContent, id: string): string {
  if (!id) return "—";
  return (
    content.entities.find((entity) => entity.id === id)?.name ??
    content.sources.find((source) => source.id === id)?.name ??
    (content.outlet.id === id ? content.outlet.name : undefined) ??
    id
  );
}
