/** Node shapes used by the style table; the legend draws the same ones. */
export type NodeShape =
  | "ellipse"
  | "round-rectangle"
  | "round-diamond"
  | "round-hexagon"
  | "round-triangle"
  | "round-pentagon"
  | "round-octagon";

/** How nodes with a given (first) label look: the one declarative table behind the stylesheet and the legend. */
export interface LabelStyle {
  /** Neo4j label, e.g. "Company". */
  readonly label: string;
  /** Property printed under the node; falls back to the server's caption (name, title, id). */
  readonly captionProperty: string;
  readonly color: string;
  readonly borderColor: string;
  readonly shape: NodeShape;
  /** Diameter in model pixels. */
  readonly size: number;
  /** Words for the legend's shape hint. */
  readonly shapeName: string;
}

export const LABEL_STYLES: readonly LabelStyle[] = [
  {
    label: "Company",
    captionProperty: "name",
    color: "#4a7ab5",
    borderColor: "#2c527f",
    shape: "ellipse",
    size: 46,
    shapeName: "circle",
  },
  {
    label: "Chip",
    captionProperty: "name",
    color: "#d08a45",
    borderColor: "#985c22",
    shape: "round-rectangle",
    size: 36,
    shapeName: "square",
  },
  {
    label: "Product",
    captionProperty: "name",
    color: "#4f9d80",
    borderColor: "#2f6d56",
    shape: "round-diamond",
    size: 40,
    shapeName: "diamond",
  },
  {
    label: "Technology",
    captionProperty: "name",
    color: "#3f98a8",
    borderColor: "#246774",
    shape: "round-hexagon",
    size: 38,
    shapeName: "hexagon",
  },
  {
    label: "Country",
    captionProperty: "name",
    color: "#9a9a4a",
    borderColor: "#68682a",
    shape: "round-pentagon",
    size: 38,
    shapeName: "pentagon",
  },
  {
    label: "Policy",
    captionProperty: "name",
    color: "#c0616f",
    borderColor: "#8c3844",
    shape: "round-octagon",
    size: 38,
    shapeName: "octagon",
  },
  {
    label: "Source",
    captionProperty: "name",
    color: "#8a7bb5",
    borderColor: "#5d4f88",
    shape: "round-triangle",
    size: 34,
    shapeName: "triangle",
  },
];

/** Style of any label the table does not know. */
export const DEFAULT_LABEL_STYLE: LabelStyle = {
  label: "Other",
  captionProperty: "name",
  color: "#9aa3b2",
  borderColor: "#667085",
  shape: "ellipse",
  size: 34,
  shapeName: "circle",
};

export function labelStyleFor(label: string): LabelStyle {
  return LABEL_STYLES.find((style) => style.label === label) ?? DEFAULT_LABEL_STYLE;
}

/** The class that carries a label's style on the canvas: "Company" → "label-company". */
export function labelClass(label: string): string {
  const slug = label
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `label-${slug || "unknown"}`;
}
