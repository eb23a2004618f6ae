/**
 * What the review page needs beside a draft claims file: each proposal's quote offsets and cue
 * words, and how each mention of an entity resolved (the graph's node and why, or a new entity
 * and why its label), read from the engine's result, never guessed again.
 */
import type { ClaimsFile } from "../../../contract/claims-file";
import type { ExtractReview } from "../../../contract/extract-endpoints";
import { foldName, slugOf } from "../claims/fold-name";
import type { KnownEntity, Proposals, ProposedEntity } from "./proposal";

const fold = (text: string) => foldName(text).normalize("NFKD").replace(/\p{M}/gu, "");

/** Why a mention found the graph's entity: its id, its name, one of its aliases, or a demonym. */
function whyKnown(entity: ProposedEntity, graph: KnownEntity | undefined): string {
  const names = entity.mentions.map((mention) => fold(mention.text));
  if (graph === undefined) return "in the graph";
  // Not named in the text but described: "le groupe chinois", "US rules" (the claim's cue shows where).
  if (names.length === 0) return "its demonym (see the claim's cues)";
  if (names.some((name) => name === fold(graph.name))) return "same name";
  const alias = graph.aliases.find((candidate) => names.includes(fold(candidate)));
  if (alias !== undefined) return `alias "${alias}"`;
  if (names.some((name) => slugOf(name) === graph.id)) return "same id";
  return "a name of the graph's entity";
}

/** A new entity: its suggested label and what suggested it. */
function whyNew(entity: ProposedEntity): string {
  const reason = entity.labelReason === "default" ? "no clue to its kind" : entity.labelReason;
  return `new ${entity.label} (${reason})`;
}

export function reviewDetails(
  result: Proposals,
  draft: ClaimsFile,
  known: readonly KnownEntity[],
  knownSourceIds: ReadonlySet<string>,
): ExtractReview {
  const graphOf = new Map(known.map((entity) => [entity.id, entity]));
  const entities = result.entities
    .filter((entity) => entity.known || entity.mentions.length > 0)
    .map((entity) => {
      const id = entity.id || slugOf(entity.name) || "entity";
      return {
        id,
        name: entity.name,
        label: entity.label,
        known: entity.known,
        why: entity.known ? whyKnown(entity, graphOf.get(id)) : whyNew(entity),
        aliases: entity.aliases,
        mentions: entity.mentions.map(({ start, end, text }) => ({ start, end, text })),
      };
    });
  return {
    claims: result.proposals.map((proposal) => ({
      start: proposal.quoteStart,
      end: proposal.quoteEnd,
      cues: proposal.cues.map(({ kind, text, start, end }) => ({ kind, text, start, end })),
    })),
    entities,
    sources: draft.sources.map((source) => ({
      id: source.id,
      name: source.name,
      grade: source.grade,
      known: knownSourceIds.has(source.id),
    })),
  };
}
