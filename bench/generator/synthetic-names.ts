import type { BenchLabel } from "./bench-model";
import type { SeededRandom } from "./seeded-random";

const SYLLABLES = [
  "va",
  "lor",
  "ken",
  "tri",
  "so",
  "mar",
  "zen",
  "qui",
  "ba",
  "ro",
  "dex",
  "li",
  "nu",
  "tor",
  "cha",
  "vi",
];
const COMPANY_SUFFIXES = ["Technologies", "Systems", "Group", "Labs", "Semiconductor", "Holdings", "AI"];
const PRODUCT_KINDS = ["Cloud", "Chat", "Vision", "Studio", "Maps", "Pay", "Video"];
const SOURCE_KINDS = ["News", "Daily", "Times", "Wire", "Review", "Post"];

function word(random: SeededRandom): string {
  const count = 2 + random.below(2);
  let text = "";
  for (let i = 0; i < count; i += 1) text += random.pick(SYLLABLES);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A readable made-up name, as long as real ones, so labels on the canvas cost what real labels cost. */
export function syntheticName(label: BenchLabel, random: SeededRandom): string {
  switch (label) {
    case "Company":
      return `${word(random)} ${random.pick(COMPANY_SUFFIXES)}`;
    case "Chip":
      return `${word(random)} ${100 + random.below(900)}${random.pick(["", "B", "X", "Pro"])}`;
    case "Product":
      return `${word(random)} ${random.pick(PRODUCT_KINDS)}`;
    case "Source":
      return `${word(random)} ${random.pick(SOURCE_KINDS)}`;
  }
}
