/**
 * French or English, by counting each language's commonest words: deterministic, no model, and it
 * says "unknown" rather than guess (German, Chinese, a list of names): a text whose commonest words
 * are as much German, Spanish, Italian or Dutch is not taken for French or English. A trigram
 * library such as franc (MIT) knows 400 languages; for two, a stop-word count does the job with
 * no dependency and no model, and its lists can be read and extended here.
 */
import { tokenize } from "./tokenize";

const FR = new Set(
  "le la les des du de d' et est sont une un dans pour par sur avec qui que qu' au aux ce cette ces il elle ils pas plus ne n' se s' l' son sa ses leur été être a ont selon mais ou comme aussi".split(
    " ",
  ),
);
const EN = new Set(
  "the of and to in is are was were a an that for on with by as at it its from this these has have had be been which who not but or their they said also would will than".split(
    " ",
  ),
);

/** Common words of languages the engine does not read: a text that scores as well in one is "unknown". */
const OTHERS = [
  "der die das und ist nicht ein eine mit von zu den dem des auf für sich auch als bei hat haben wird wurde nach diesem dieser im",
  "el los las del que y en un una por con para es su al lo como más pero sus le ya fue este ha",
  "il lo gli della che e un una per con non sono è dei delle nel alla anche come più ma ha",
  "de het een en van in is op te dat die voor met zijn niet aan er ook als bij door naar",
].map((words) => new Set(words.split(" ")));

export type DetectedLanguage = "fr" | "en" | "unknown";

export interface LanguageGuess {
  language: DetectedLanguage;
  /** Share of the words that are common French / English words. */
  scores: { fr: number; en: number };
}

export function detectLanguage(text: string): LanguageGuess {
  const words = tokenize(text.slice(0, 20000)).filter((token) => token.word);
  let fr = 0;
  let en = 0;
  const others = OTHERS.map(() => 0);
  for (const word of words) {
    if (FR.has(word.fold)) fr++;
    if (EN.has(word.fold)) en++;
    OTHERS.forEach((set, index) => {
      if (set.has(word.fold)) others[index] = (others[index] ?? 0) + 1;
    });
  }
  const total = Math.max(words.length, 1);
  const scores = { fr: fr / total, en: en / total };
  const best = scores.fr >= scores.en ? "fr" : "en";
  const top = Math.max(scores.fr, scores.en);
  const other = Math.max(...others) / total;
  const language: DetectedLanguage =
    words.length >= 5 && top >= 0.12 && Math.abs(scores.fr - scores.en) >= 0.05 && top > other ? best : "unknown";
  return { language, scores };
}
