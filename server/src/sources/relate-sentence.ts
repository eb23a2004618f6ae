/**
 * The relationships one sentence states: trigger phrases of the lexicon between the entities
 * mentioned, plus what a description says in passing ("les puces A100 de NVIDIA" → NVIDIA makes
 * the A100; "deux sociétés chinoises" → both are based in China; "restrictions commerciales
 * américaines" → the United States imposes them). Subjects and objects are the nearest mentions
 * on either side, with the lists they head ("Google, Microsoft et Meta disposent de...").
 */
import type { Predicate } from "../../../contract/claims-file";
import { frontedSubject, leftList, nounPhrase, rightList, withPhrase } from "./argument-lists";
import type { Mention } from "./find-names";
import { demonymAt } from "./find-references";
import type { Phrase } from "./lexicon";
import { findPhrases, matchPhrase } from "./match-phrase";
import type { Cue } from "./proposal";
import {
  DETERMINERS,
  findAsides,
  type Relation,
  SEPARATORS,
  type Segment,
  type SentenceContext,
  STOPS,
} from "./sentence-context";
import { foldWord, type Token } from "./tokenize";

export type { Relation, SentenceContext };

/** What introduces the agent of a passive or a participle. */
const AGENT_MARKS = new Set(["par", "by"]);
/** Possessive determiners that open a noun phrase ("son fournisseur", "its supplier"). */
const POSSESSIVES = new Set(["son", "sa", "ses", "leur", "leurs", "its", "their", "his", "her"]);

export function relateSentence(context: SentenceContext): Relation[] {
  const { tokens, sentence, mentions, lang, table, memory } = context;
  const relations: Relation[] = [];
  const cue = (kind: string, first: number, last: number): Cue => {
    const start = tokens[first]?.start ?? 0;
    const end = tokens[last - 1]?.end ?? start;
    return { kind, text: context.text.slice(start, end), start, end };
  };
  const add = (relation: Relation) => {
    if (relation.subject === relation.object) return;
    relations.push(relation);
    if (relation.predicate === "MAKES")
      memory.makes.set(relation.subject, [...(memory.makes.get(relation.subject) ?? []), relation.object]);
    if (relation.predicate === "BASED_IN") memory.basedIn.set(relation.subject, relation.object);
    if (relation.predicate === "ORDERED" || relation.predicate === "SOURCES_FROM") memory.lastBuyer = relation.subject;
    if (relation.predicate === "IMPOSES" && labelOf(relation.subject) === "Country")
      memory.policyCountry.set(relation.object, relation.subject);
  };
  const labelOf = (key: string) => table.get(key)?.label ?? "";
  const accepts = (key: string, labels: readonly string[], hint: string | undefined, why: string) => {
    if (hint && table.get(key)?.labelReason === "default") {
      table.hint(key, hint, why);
      return true;
    }
    return labels.includes(labelOf(key));
  };

  const { aside, segments } = findAsides(context);
  const modifiers = new Set<Mention>();

  // Possessives: "les puces A100 de NVIDIA", "Huawei's Ascend 910B".
  const makes = context.lexicon.types.MAKES;
  for (const { predicate, phrase } of lang.relations) {
    if (!phrase.flags.has("possessive") || !makes) continue;
    for (const found of findPhrases(tokens, [phrase], sentence.first, sentence.last)) {
      const english = found.phrase.text.includes("'s");
      const left = mentions.find((m) => m.last === found.start && m.kind === "name");
      // "les Vireo 2 du groupe américain Calder": past the words that describe the maker.
      const describing = (from: number, to: number) =>
        to - from <= 3 &&
        tokens
          .slice(from, to)
          .every(
            (t) =>
              lang.classNoun.get(t.fold) === "Company" ||
              demonymAt(tokens, tokens.indexOf(t), context.demonyms) !== undefined,
          );
      const right = english
        ? mentions.find((m) => m.kind === "name" && m.first >= found.end && m.first <= found.end + 2)
        : mentions.find((m) => m.kind === "name" && m.first >= found.end && describing(found.end, m.first));
      const [maker, made] = english ? [left, right] : [right, left];
      const makerKey = maker?.entities[0];
      const madeKey = made?.entities[0];
      if (!maker || !made || !makerKey || !madeKey) continue;
      if (!["Chip", "Product"].includes(labelOf(madeKey)) || labelOf(makerKey) !== "Company") continue;
      modifiers.add(maker);
      add({
        subject: makerKey,
        predicate,
        object: madeKey,
        descriptive: true,
        properties: {},
        cues: [cue("possessive", Math.min(maker.first, made.first), Math.max(maker.last, made.last))],
      });
    }
  }

  // A maker's name fused into a product's: "les puces Brandt K7", "Araxa Q9 chips" (Brandt Logic,
  // Araxa Semiconductor named anywhere in the article): the company whose name starts with the
  // product's first word makes it, when the rest of the product's name holds a model code.
  for (const m of mentions) {
    const key = m.kind === "name" ? m.entities[0] : undefined;
    const product = key ? table.get(key) : undefined;
    if (!key || !product || !["Chip", "Product"].includes(product.label)) continue;
    const [head, ...model] = product.name.split(/\s+/);
    if (!head || model.length === 0 || !model.some((w) => /\d/.test(w)) || !/^\p{Lu}/u.test(head)) continue;
    if (!memory.firstWords) {
      memory.firstWords = new Map();
      // Only entities the article names: a graph's thousands of others cost a fold each.
      for (const e of table.byKey.values()) {
        if (e.mentions.length === 0) continue;
        const word = foldWord(e.name.split(/\s+/)[0] ?? "");
        memory.firstWords.set(word, [...(memory.firstWords.get(word) ?? []), e.key]);
      }
    }
    const maker = (memory.firstWords.get(foldWord(head)) ?? [])
      .map((k) => table.get(k))
      .find((e) => e !== undefined && e.key !== key && e.label === "Company" && e.name !== product.name);
    if (maker)
      add({
        subject: maker.key,
        predicate: "MAKES",
        object: key,
        descriptive: true,
        properties: {},
        cues: [cue("maker's name in the product's", m.first, m.last)],
      });
  }

  /** The country of "groupe chinois", "Chinese company" in tokens [from, to): a demonym beside a company noun. */
  const describedCountry = (from: number, to: number): string | undefined => {
    let country: string | undefined;
    let company = false;
    for (let k = from; k < to; k++) {
      country ??= demonymAt(tokens, k, context.demonyms);
      company ||= lang.classNoun.get(tokens[k]?.fold ?? "") === "Company";
    }
    return company ? country : undefined;
  };
  const basedIn = (subject: string, country: string, where: Cue) =>
    add({ subject, predicate: "BASED_IN", object: country, descriptive: true, properties: {}, cues: [where] });

  // Demonyms: "deux sociétés chinoises", "le groupe chinois Huawei", "the Chinese company Huawei".
  for (const m of mentions) {
    if (m.kind === "anaphor" && m.country) {
      for (const key of m.entities)
        if (labelOf(key) === "Company")
          add({
            subject: key,
            predicate: "BASED_IN",
            object: m.country,
            descriptive: true,
            properties: {},
            cues: [cue("demonym", m.first, m.last)],
          });
    }
    if (m.kind === "policy" && m.country) {
      const policy = m.entities[0];
      if (policy)
        add({
          subject: m.country,
          predicate: "IMPOSES",
          object: policy,
          descriptive: true,
          properties: {},
          cues: [cue("demonym", m.first, m.last)],
        });
    }
    const key = m.entities[0];
    // "the Chinese company Huawei", "le groupe chinois Huawei": the describing words end at the name
    // ("a Dutch company based in Eindhoven" describes the company, not Eindhoven).
    const before = tokens[m.first - 1];
    const describes =
      before !== undefined &&
      (demonymAt(tokens, m.first - 1, context.demonyms) !== undefined || lang.classNoun.get(before.fold) === "Company");
    if (m.kind === "name" && key && labelOf(key) === "Company" && describes) {
      let from = m.first;
      while (from > Math.max(sentence.first, m.first - 4) && tokens[from - 1]?.word) from--;
      // "le japonais Minato Denki", "l'américain Nvidia": a demonym used as a noun before the name.
      const nominalDemonym =
        [...lang.raw.anaphora.definite, "du", "au", "aux"].includes(tokens[m.first - 2]?.fold ?? "") &&
        /^\p{Ll}/u.test(before?.text ?? "")
          ? demonymAt(tokens, m.first - 1, context.demonyms)
          : undefined;
      const country = describedCountry(from, m.first) ?? nominalDemonym;
      if (country) basedIn(key, country, cue("demonym", nominalDemonym ? m.first - 2 : from, m.last));
    }
  }
  for (const segment of segments) {
    const key = segment.head.entities[0];
    // "Halden, a Dutch company…", "Nuvéa, l'opérateur français…": the apposition's noun labels its head.
    // The head noun is the first in French ("l'opérateur de la plateforme"), the last before any
    // preposition in English ("the Dutch battery maker"); not when the words name someone else
    // ("…, the trade magazine Volt Weekly reported").
    const words: Token[] = [];
    for (let k = segment.first; k < Math.min(segment.last, segment.first + 5); k++) {
      const t = tokens[k];
      if (!t || (k > segment.first + 1 && lang.stopwords.has(t.fold))) break;
      words.push(t);
    }
    const nouns = words.filter((t) => lang.classNoun.has(t.fold) && lang.classNoun.get(t.fold) !== "Policy");
    const noun = lang.language === "en" ? nouns.at(-1) : nouns[0];
    // …unless the noun stands right before another name, which it then describes.
    const nounAt = noun ? tokens.indexOf(noun) : -1;
    const namesOther = mentions.some(
      (m) => m !== segment.head && m.kind === "name" && m.first > nounAt && m.first <= nounAt + 2,
    );
    if (key && noun && !namesOther)
      table.relabel(key, lang.classNoun.get(noun.fold) ?? "", `apposition "${noun.text}"`);
    // "le Brisa X, le serveur du fabricant italien Ventura", "the K7, a chip from Tarn": the
    // apposition names its head's maker.
    const maker = mentions.find(
      (m) =>
        m.kind === "name" &&
        m.first > segment.first &&
        m.last <= segment.last &&
        labelOf(m.entities[0] ?? "") === "Company" &&
        tokens
          .slice(Math.max(segment.first, m.first - 3), m.first)
          .some((t) => ["de", "du", "d'", "of", "from", "by"].includes(t.fold)),
    );
    const makerKey = maker?.entities[0];
    if (key && makerKey && ["Chip", "Product"].includes(labelOf(key)) && noun && nouns[0] === noun)
      add({
        subject: makerKey,
        predicate: "MAKES",
        object: key,
        descriptive: true,
        properties: {},
        cues: [cue("apposition", segment.first, segment.last)],
      });
    // ", filiale du conglomérat singapourien Tamsin,": the demonym describes the name it comes before.
    const describesOther = mentions.some(
      (m) =>
        m.kind === "name" &&
        m.first > segment.first &&
        m.last <= segment.last &&
        [m.first - 1, m.first - 2].some((k) => k >= segment.first && demonymAt(tokens, k, context.demonyms)),
    );
    const country = describesOther ? undefined : describedCountry(segment.first, segment.last);
    if (key && labelOf(key) === "Company" && country)
      basedIn(key, country, cue("apposition", segment.first, segment.last));
  }

  // "a Singapore start-up", "the Taiwan foundry Lianhe": a country's name right before a company
  // noun describes the company (the name after the noun, else the apposition's head); it is no argument.
  for (const m of mentions) {
    const country = m.kind === "name" ? m.entities[0] : undefined;
    if (!country || labelOf(country) !== "Country") continue;
    if (lang.classNoun.get(tokens[m.last]?.fold ?? "") !== "Company") continue;
    modifiers.add(m);
    const segment = segments.find((s) => m.first >= s.first && m.last <= s.last);
    const described =
      mentions.find((n) => n.kind === "name" && n.first > m.last && n.first <= m.last + 2) ?? segment?.head;
    const key = described?.entities[0];
    if (key && labelOf(key) === "Company")
      basedIn(key, country, cue("country before a company noun", m.first, m.last + 1));
  }

  // Trigger phrases.
  // "…, trade publication ChipWire reported": the sayer closing the sentence is no argument.
  const sayers = new Set(
    findPhrases(tokens, lang.speakerVerbs, sentence.first, sentence.last).flatMap((verb) =>
      mentions.filter((m) => {
        // "…, a déclaré mardi son directeur financier, Luc Armand": the one named after the verb too.
        if (m.first >= verb.end && m.first <= verb.end + 6) {
          let k = verb.start - 1;
          while (k > sentence.first && k >= verb.start - 3 && /^\p{Ll}/u.test(tokens[k]?.text ?? "")) k--;
          const closes = m.last >= sentence.last || STOPS.has(tokens[m.last]?.text ?? "");
          return closes && tokens[k]?.text === "," && !tokens.slice(verb.end, m.first).some((t) => STOPS.has(t.text));
        }
        if (m.last !== verb.start) return false;
        let k = m.first - 1;
        while (k > sentence.first && k >= m.first - 3 && /^\p{Ll}/u.test(tokens[k]?.text ?? "")) k--;
        return tokens[k]?.text === ",";
      }),
    ),
  );
  const usable = (m: Mention, segment: Segment | undefined) =>
    !modifiers.has(m) &&
    !sayers.has(m) &&
    (segment ? m.first >= segment.first && m.last <= segment.last : !aside.has(m.first));
  const expand = (list: Mention[]) => [...new Set(list.flatMap((m) => m.entities))];
  const triggers = lang.relations.filter((r) => !r.phrase.flags.has("possessive"));
  const byPhrase = new Map<Phrase, Predicate>(triggers.map((r) => [r.phrase, r.predicate]));
  let passiveObjects: Mention[] | undefined;
  /** Reads one trigger phrase found at a place; false when its type fits nothing around it. */
  const readTrigger = (found: { start: number; end: number; phrase: Phrase }): boolean => {
    const predicate = byPhrase.get(found.phrase);
    const type = predicate ? context.lexicon.types[predicate] : undefined;
    if (!predicate || !type) return false;
    const segment = segments.find((s) => found.start >= s.first && found.end <= s.last);
    if (!segment && aside.has(found.start)) return false;
    if (found.phrase.flags.has("goods")) {
      const supplied = goodsSupplier(context, found, predicate, usable, labelOf, accepts);
      if (supplied) {
        for (const relation of supplied) add(relation);
        return true;
      }
    }
    const lo = segment ? segment.first : sentence.first;
    const hi = segment ? segment.last : sentence.last;
    const reverse = found.phrase.flags.has("reverse");
    // The agent of a participle before the verb is not its subject: "les règles imposées par les
    // États-Unis ont privé Nuvéa…" (the rules did).
    const agent = (m: Mention) => {
      const before = DETERMINERS.has(tokens[m.first - 1]?.fold ?? "") ? m.first - 2 : m.first - 1;
      return !reverse && AGENT_MARKS.has(tokens[before]?.fold ?? "");
    };
    const left = leftList(context, found.start, lo, (m) => usable(m, segment) && !agent(m));
    const right = rightList(context, found.end, hi, (m) => usable(m, segment), labelOf);
    // "les règles d'exportation imposées par les États-Unis": a participle right after its noun
    // describes it in passing, as an apposition does.
    // A finite passive ("{finite} ont été commandés par", "were ordered by") is the clause's verb.
    const participle = reverse && !found.phrase.flags.has("finite") && left.at(-1)?.last === found.start;
    let subjects: Mention[] = reverse ? right : left;
    let objects: Mention[] = reverse ? left : right;
    // "Les Orca 3 sont conçus par Kestria, …, et fabriqués par Halvane": a passive joined by "et",
    // "and" shares the first one's subject.
    const joined = [found.start - 1, found.start - 2].some(
      (k) =>
        ["et", "and"].includes(tokens[k]?.fold ?? "") &&
        (k === found.start - 1 || lang.stopwords.has(tokens[k + 1]?.fold ?? "")),
    );
    if (reverse && joined && passiveObjects) objects = passiveObjects;
    else if (reverse && left.length > 0 && !participle) passiveObjects ??= left;
    const trigger = cue("trigger", found.start, found.end);
    const cues: Cue[] = [trigger];
    if (found.phrase.flags.has("affected")) {
      const policy = memory.policies.at(-1);
      if (!policy) return false;
      objects = left.length > 0 ? left : segment ? [segment.head] : [];
      subjects = [{ entities: [policy], first: found.start, last: found.start, start: 0, end: 0, kind: "policy" }];
    }
    // "Le fournisseur attitré de Virelle, le suédois Dacor Systems, …", "The main supplier of Virelle,
    // Dacor, …": a role noun opening a noun phrase names its holder in the apposition that follows.
    if (reverse && objects.length === 0 && !segment && subjects.length > 0) {
      // Back over up to two adjectives ("the main supplier of", "son principal fournisseur").
      let before = found.start - 1;
      while (
        before >= Math.max(sentence.first, found.start - 2) &&
        /^\p{Ll}/u.test(tokens[before]?.text ?? "") &&
        !lang.stopwords.has(tokens[before]?.fold ?? "") &&
        !DETERMINERS.has(tokens[before]?.fold ?? "") &&
        !POSSESSIVES.has(tokens[before]?.fold ?? "")
      )
        before--;
      const opensPhrase =
        before < sentence.first ||
        DETERMINERS.has(tokens[before]?.fold ?? "") ||
        POSSESSIVES.has(tokens[before]?.fold ?? "");
      // "the main supplier of Virelle, Dacor Systems, …" reads as a list of two: the second is the holder.
      const holder = opensPhrase ? appositionName(context, subjects[0], labelOf) : undefined;
      if (holder && (subjects.length === 1 || (subjects.length === 2 && subjects[1] === holder))) {
        objects = [holder];
        subjects = [subjects[0] as Mention];
      }
    }
    if (subjects.length === 0 && segment) subjects = [segment.head];
    if (objects.length === 0 && segment && reverse) objects = [segment.head];
    if (subjects.length === 0 && !segment) subjects = frontedSubject(context, found.start, usable);
    if (subjects.length === 0 && !segment && !reverse)
      subjects = pronounSubject(context, found.start, type.subject, labelOf);
    // The article's words, not the lexicon's pattern ("based|headquartered|located in"): the
    // analyst reads this reason on the entity chip.
    const why = `${predicate} "${trigger.text}"`;
    // "Nerida développe avec Solcarre une puce": the partner after "avec", "with" is a subject, not
    // what is developed.
    const partnerMention = type.pairwise
      ? findPhrases(tokens, [withPhrase], found.start, hi)
          // "avec le fondeur taïwanais Sunlit Foundry": past the lower-case words describing it.
          .map((w) =>
            context.mentions.find(
              (m) =>
                m.kind === "name" &&
                m.first >= w.end &&
                m.first <= w.end + 3 &&
                tokens
                  .slice(w.end, m.first)
                  .every(
                    (t, k) =>
                      t.word &&
                      (/^\p{Ll}/u.test(t.text) || demonymAt(tokens, w.end + k, context.demonyms) !== undefined),
                  ),
            ),
          )
          .find((m) => m !== undefined)
      : undefined;
    if (partnerMention) objects = objects.filter((m) => m !== partnerMention);
    // "les puces Mirae 7, que Halvard développe avec…", "the Fjord chip, which Araxa develops…": the
    // object is the name the relative pronoun before the subject stands for.
    // (also when what follows fits no object: "que Stellan fabrique à Taïwan").
    const fits = (m: Mention) => m.entities.some((k) => type.object.includes(labelOf(k)));
    if (!reverse && !objects.some(fits) && subjects.length > 0) {
      const relativeAt = (subjects[0]?.first ?? 0) - 1;
      const pronoun = tokens[relativeAt]?.fold ?? "";
      if (["que", "qu'", "which", "that"].includes(pronoun)) {
        const comma = tokens[relativeAt - 1]?.text === "," ? relativeAt - 1 : relativeAt;
        // "Fjord chips, which": a class noun may follow the name.
        const nounAfter = lang.classNoun.has(tokens[comma - 1]?.fold ?? "") ? comma - 1 : comma;
        const antecedent = context.mentions.find(
          (m) => m.kind === "name" && (m.last === comma || m.last === nounAfter) && m.first >= sentence.first,
        );
        if (antecedent) objects = [antecedent];
      }
    }
    // "{company}": the phrase's object can only be a company ("filiale de", "controlled by").
    const objectHint = found.phrase.flags.has("company") ? "Company" : type.objectHint;
    let objectKeys = expand(objects).filter((k) => accepts(k, type.object, objectHint, why));
    // "runs the Nimbra cloud platform": with nothing after the phrase, a name inside its gap.
    // "the purchase of 5,000 Orin 3 chips by Harlan": a reversed phrase with nothing before it too.
    if (objectKeys.length === 0 && objects.length === 0 && found.phrase.steps.some((step) => step.kind === "gap")) {
      const inside = context.mentions.filter(
        (m) => m.first > found.start && m.last < found.end && m.kind === "name" && usable(m, segment),
      );
      objectKeys = expand(inside).filter((k) => labelOf(k) !== "" && type.object.includes(labelOf(k)));
    }
    if (objectKeys.length === 0 && type.nounPhraseObject) {
      const np = nounPhrase(context, found.end, hi, type.objectHint ?? "Product");
      if (np) {
        objectKeys = [np.key];
        cues.push(np.cue);
      }
    }
    let subjectKeys = expand(subjects);
    if (type.pairwise && subjectKeys.length === 1 && partnerMention)
      subjectKeys = [...subjectKeys, ...partnerMention.entities];
    for (const m of [...subjects, ...objects]) if (m.kind === "anaphor") cues.push(cue("reference", m.first, m.last));
    // A type whose subject can only be one label says what a default-labelled subject is.
    const subjectHint = type.subject.length === 1 ? type.subject[0] : undefined;
    const okSubjects = subjectKeys.filter((k) => accepts(k, type.subject, subjectHint, why));
    const okObjects = objectKeys;
    let added = false;
    for (const subject of okSubjects)
      for (const object of okObjects) {
        added = true;
        const partners = type.pairwise
          ? okSubjects.filter((k) => k !== subject).map((k) => table.get(k)?.name ?? k)
          : [];
        add({
          subject,
          predicate,
          object,
          descriptive: segment !== undefined || participle,
          properties: partners.length > 0 ? { partner: partners.join(", ") } : {},
          cues,
        });
      }
    return added;
  };
  // "The supplier, the Japanese chipmaker Araxa Semiconductor, declined…": a supplier noun opening
  // the sentence without a complement is the supplier of the last order or supply read.
  const role = tokens[sentence.first + 1];
  const roleOpener = tokens[sentence.first]?.fold ?? "";
  if (
    role &&
    memory.lastBuyer &&
    (DETERMINERS.has(roleOpener) || POSSESSIVES.has(roleOpener)) &&
    lang.raw.anaphora.supplierNouns.some((n) => foldWord(n) === role.fold)
  ) {
    const roleMention: Mention = {
      entities: [],
      first: sentence.first,
      last: sentence.first + 2,
      start: tokens[sentence.first]?.start ?? 0,
      end: role.end,
      kind: "anaphor",
    };
    const holder = appositionName(context, roleMention, labelOf)?.entities[0];
    if (holder && holder !== memory.lastBuyer)
      add({
        subject: memory.lastBuyer,
        predicate: "SOURCES_FROM",
        object: holder,
        descriptive: true,
        properties: {},
        cues: [cue("reference", sentence.first, sentence.first + 2)],
      });
  }
  // "operates Lumen Desk, a transcription platform", "exploite Nébulis, une plateforme de calcul":
  // a phrase with a gap ("operates * platform") met by the verb before a name and the class noun
  // its apposition opens with.
  for (const segment of segments) {
    const nouns = tokens
      .slice(segment.first, Math.min(segment.last, segment.first + 5))
      .filter((t) => lang.classNoun.has(t.fold));
    const noun = lang.language === "en" ? nouns.at(-1) : nouns[0];
    const verbAt = DETERMINERS.has(tokens[segment.head.first - 1]?.fold ?? "")
      ? segment.head.first - 2
      : segment.head.first - 1;
    const verb = tokens[verbAt];
    if (!noun || !verb || verbAt < sentence.first) continue;
    for (const { predicate, phrase } of triggers) {
      const type = context.lexicon.types[predicate];
      if (!type || !phrase.steps.some((s) => s.kind === "gap") || matchPhrase([verb, noun], 0, phrase, 2) !== 2)
        continue;
      const why = `${predicate} "${verb.text} … ${noun.text}"`;
      const subjects = expand(leftList(context, verbAt, sentence.first, (m) => usable(m, undefined))).filter((k) =>
        accepts(k, type.subject, undefined, why),
      );
      const object = segment.head.entities[0];
      if (!object || !accepts(object, type.object, type.objectHint, why)) continue;
      for (const subject of subjects)
        add({
          subject,
          predicate,
          object,
          descriptive: false,
          properties: {},
          cues: [cue("trigger", verbAt, verbAt + 1), cue("apposition", segment.first, segment.last)],
        });
      if (subjects.length > 0) break;
    }
  }
  for (const first of findPhrases(
    tokens,
    triggers.map((r) => r.phrase),
    sentence.first,
    sentence.last,
  )) {
    // The same words may trigger several types ("relied on" a supplier, or a chip it used before):
    // the types' labels decide, in the lexicon's order.
    const alternatives = triggers
      .filter(
        (r) => r.phrase !== first.phrase && matchPhrase(tokens, first.start, r.phrase, sentence.last) === first.end,
      )
      .map((r) => ({ ...first, phrase: r.phrase }));
    for (const found of [first, ...alternatives]) if (readTrigger(found)) break;
  }
  return relations;
}

/**
 * An agentive participle after goods: "des puces développées et construites par Huawei", "chips
 * made by Tessaro", "processeurs fournis par Kestria". When the goods are unnamed ("des puces"),
 * or the phrase names a supplier ("fournis par"), whoever the clause says uses or gets them (its
 * nearest company before the goods, outside asides) sources from the agent: SOURCES_FROM, with the
 * clause's certainty ("entraînerait" → reported). Named goods made by someone are left to MAKES.
 */
function goodsSupplier(
  context: SentenceContext,
  found: { start: number; end: number; phrase: Phrase },
  predicate: Predicate,
  usable: (m: Mention, segment: undefined) => boolean,
  labelOf: (key: string) => string,
  accepts: (key: string, labels: readonly string[], hint: string | undefined, why: string) => boolean,
): Relation[] | undefined {
  const { tokens, sentence, lang, mentions } = context;
  const type = context.lexicon.types.SOURCES_FROM;
  if (!type) return undefined;
  // Back over coordinated participles ("développées et"), to the goods.
  let k = found.start - 1;
  const notNames = new Set(context.lexicon.names.notNames.map((w) => w.toLowerCase()));
  while (k > Math.max(sentence.first, found.start - 6)) {
    const t = tokens[k];
    if (!t) break;
    const participle = t.word && /^\p{Ll}/u.test(t.text) && !lang.classNoun.has(t.fold) && !lang.stopwords.has(t.fold);
    if (!SEPARATORS.has(t.fold) && !participle && !notNames.has(t.fold)) break;
    k--;
  }
  // Named goods: "the Voltis B5 cell made by Kembra", "les processeurs Orca 3 fournis par…".
  const named = mentions.find((m) => (m.last === k + 1 || m.last === k) && m.kind === "name");
  const label = named ? labelOf(named.entities[0] ?? "") : lang.classNoun.get(tokens[k]?.fold ?? "");
  if (label !== "Chip" && label !== "Product") return undefined;
  if (named && predicate !== "SOURCES_FROM") return undefined;
  const goodsFirst = named ? named.first : k;
  const agents = mentions.filter(
    (m) => m.first >= found.end && m.first <= found.end + 2 && m.kind === "name" && usable(m, undefined),
  );
  const agent = agents[0]?.entities[0];
  const cue = (kind: string, first: number, last: number): Cue => {
    const start = tokens[first]?.start ?? 0;
    const end = tokens[last - 1]?.end ?? start;
    return { kind, text: context.text.slice(start, end), start, end };
  };
  const why = `SOURCES_FROM "${cue("trigger", found.start, found.end).text}"`;
  if (!agent || !accepts(agent, type.object, "Company", why)) return undefined;
  let stop = goodsFirst;
  while (stop > sentence.first && !STOPS.has(tokens[stop - 1]?.text ?? "")) stop--;
  const user = mentions
    .filter(
      (m) =>
        m.last <= goodsFirst &&
        m.first >= stop &&
        usable(m, undefined) &&
        !["par", "by"].includes(tokens[m.first - 1]?.fold ?? "") &&
        labelOf(m.entities[0] ?? "") === "Company" &&
        !m.entities.includes(agent),
    )
    .at(-1);
  const subject = user?.entities[0];
  if (!user || !subject) return undefined;
  return [
    {
      subject,
      predicate: "SOURCES_FROM",
      object: agent,
      descriptive: false,
      properties: {},
      cues: [
        cue("trigger", found.start, found.end),
        cue("goods the subject gets from the agent (agentive participle)", goodsFirst, found.end),
      ],
    },
  ];
}

/**
 * The company named by the apposition after a mention: ", le suédois Dacor Systems," or ", Dacor,"
 * (only lower-case describing words before the name, within four words of the comma).
 */
function appositionName(
  context: SentenceContext,
  after: Mention | undefined,
  labelOf: (key: string) => string,
): Mention | undefined {
  const { tokens, mentions, sentence } = context;
  if (!after || tokens[after.last]?.text !== ",") return undefined;
  const name = mentions.find(
    (m) => m.kind === "name" && m.first > after.last && m.first <= after.last + 5 && m.last < sentence.last,
  );
  if (!name || labelOf(name.entities[0] ?? "") !== "Company") return undefined;
  const between = tokens.slice(after.last + 1, name.first);
  const describing = (t: Token, k: number) =>
    t.word && (/^\p{Ll}/u.test(t.text) || demonymAt(tokens, after.last + 1 + k, context.demonyms) !== undefined);
  if (!between.every(describing)) return undefined;
  return tokens[name.last]?.text === "," ? name : undefined;
}

/**
 * "Elles limitent aussi…", "they could also hit…": a plural subject pronoun opening the clause
 * stands for the last thing named, in this sentence or the one before, that the type's subject may be.
 */
function pronounSubject(
  context: SentenceContext,
  at: number,
  labels: readonly string[],
  labelOf: (key: string) => string,
): Mention[] {
  const { tokens, sentence, lang, memory, mentions } = context;
  let k = at - 1;
  while (k >= sentence.first && tokens[k]?.text !== "," && !STOPS.has(tokens[k]?.text ?? "")) {
    const t = tokens[k];
    if (t && lang.pronouns.has(t.fold)) {
      const here = mentions
        .filter((m) => m.last <= k)
        .flatMap((m) => m.entities)
        .reverse();
      const before = [...memory.recent]
        .reverse()
        .filter((r) => r.sentence >= sentence.index - 1)
        .map((r) => r.key);
      const key = [...here, ...before].find((candidate) => labels.includes(labelOf(candidate)));
      return key ? [{ entities: [key], first: k, last: k + 1, start: t.start, end: t.end, kind: "anaphor" }] : [];
    }
    k--;
  }
  return [];
}
