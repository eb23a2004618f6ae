/** What the proposals engine takes and returns: plain data, no Neo4j. */
import type { Predicate } from "../../../contract/claims-file";
import type { Certainty, ClaimStance } from "../../../contract/graph-contract";
import type { DetectedLanguage } from "./detect-language";

/** An entity the graph already holds, as the engine needs it. */
export interface KnownEntity {
  id: string;
  name: string;
  aliases: readonly string[];
  label: string;
}

/** The words that produced (part of) a proposal, with their character offsets in the text. */
export interface Cue {
  kind: string;
  text: string;
  start: number;
  end: number;
}

/** An entity the proposals refer to: one of the graph's, or a candidate the analyst may add. */
export interface ProposedEntity {
  key: string;
  /** The graph's id when `known`; else a suggested slug. */
  id: string;
  name: string;
  label: string;
  /** Why this label: "graph", "class noun puces", "country list", "default"... */
  labelReason: string;
  known: boolean;
  aliases: string[];
  mentions: { start: number; end: number; text: string }[];
}

/** A source a claim is attributed to: the outlet itself, a named one, or unnamed reports. */
export interface ProposedSource {
  id: string;
  name: string;
  kind: string;
}

export interface Proposal {
  subject: string;
  predicate: Predicate;
  object: string;
  certainty: Certainty;
  stance: ClaimStance;
  source: string;
  republishes?: string;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  additionalEvidence: string[];
  quantities: Record<string, number>;
  properties: Record<string, string | number | boolean>;
  validFrom?: string;
  cues: Cue[];
}

export interface ProposalsInput {
  text: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; resolves "cette année", "this year". */
  published?: string;
  /** The article's title, when known: the line of the text that repeats it is read as a headline. */
  title?: string;
  /** Forces the language; detected when absent. */
  language?: "fr" | "en";
  /** The outlet that published the text; claims it states itself are attributed to it. */
  outlet?: { id: string; name: string };
  known?: readonly KnownEntity[];
}

export interface Proposals {
  language: DetectedLanguage;
  languageScores: { fr: number; en: number };
  notices: string[];
  outlet: { id: string; name: string };
  entities: ProposedEntity[];
  sources: ProposedSource[];
  proposals: Proposal[];
  /** Quantities no proposal took, for the analyst to place. */
  unplacedQuantities: { key: string; value: number; text: string; start: number; end: number }[];
}
