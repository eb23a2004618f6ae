/** The entities a text refers to, by key, and the places that refer to them. */
import type { ProposedEntity } from "./proposal";
import type { Token } from "./tokenize";

/** A capitalised word or a model code ("910B", "H20"): what a name may start with. */
export const NAME_LIKE = /^(?:\p{Lu}|(?=[\p{L}\p{N}-]*\d)(?=[\p{L}\p{N}-]*\p{Lu})[\p{L}\p{N}])/u;

export interface NameWords {
  corporateSuffixes: readonly string[];
  notNames: readonly string[];
  /** Cities and regions (names.json): never a company. */
  places?: readonly string[];
  /** Common given names (names.json): a name opening with one is a person. */
  givenNames?: readonly string[];
}

/** A place in the text that refers to one or more entities. */
export interface Mention {
  entities: string[];
  first: number;
  last: number;
  start: number;
  end: number;
  kind: "name" | "anaphor" | "policy" | "noun-phrase";
  /** The demonym's country when the phrase carries one ("sociétés chinoises"). */
  country?: string;
}

export class EntityTable {
  readonly byKey = new Map<string, ProposedEntity>();
  /** Each country of the lexicon's list: the key of the entity standing for it (the graph's, or the list's). */
  readonly countries = new Map<string, string>();
  /**
   * New names met as places ("à Lyon", "in Austin", a dateline) and new names met elsewhere: a name
   * only ever met as a place, and used by no claim, is not proposed.
   */
  readonly asPlace = new Set<string>();
  readonly notAsPlace = new Set<string>();
  /** New names met as a person ("le directeur X", "X, the company's CEO", "said Jane X"): speakers, not entities. */
  readonly asPerson = new Set<string>();
  /** New names titled by an outlet's noun ("Agence Lumen"): outlets, not proposed unless a claim uses them. */
  readonly asOutlet = new Set<string>();
  get(key: string): ProposedEntity | undefined {
    return this.byKey.get(key);
  }
  add(entity: ProposedEntity): ProposedEntity {
    const existing = this.byKey.get(entity.key);
    if (existing) return existing;
    this.byKey.set(entity.key, entity);
    return entity;
  }
  /**
   * Gives a new entity the label its apposition names, unless the graph, a company suffix or the
   * country list labelled it: stronger than a class noun nearby or a relationship's hint.
   */
  relabel(key: string, label: string, why: string): void {
    const entity = this.byKey.get(key);
    if (!entity || entity.known || !label) return;
    if (["company suffix", "country list", "place list", "noun phrase"].includes(entity.labelReason)) return;
    if (entity.labelReason.startsWith("policy") || entity.labelReason.startsWith("apposition")) return;
    entity.label = label;
    entity.labelReason = why;
  }
  /** Gives a default-labelled entity the label a relationship suggests. */
  hint(key: string, label: string, why: string): void {
    const entity = this.byKey.get(key);
    if (entity && !entity.known && entity.labelReason === "default") {
      entity.label = label;
      entity.labelReason = why;
    }
  }
}

export function pushMention(
  mentions: Mention[],
  table: EntityTable,
  tokens: readonly Token[],
  text: string,
  first: number,
  last: number,
  entities: string[],
  kind: Mention["kind"],
): Mention {
  const start = tokens[first]?.start ?? 0;
  const end = tokens[last - 1]?.end ?? start;
  const mention: Mention = { entities, first, last, start, end, kind };
  mentions.push(mention);
  for (const key of entities) table.get(key)?.mentions.push({ start, end, text: text.slice(start, end) });
  return mention;
}
