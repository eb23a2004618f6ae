/** A node that layouts leave where it is (dragged, or pinned from the menu); part of the view, saved and undone. */
export const PINNED_CLASS = "pinned";
/** An element hidden by a filter (display: none): it stays on the canvas and in the counts. */
export const FILTERED_CLASS = "filtered-out";

/**
 * Selects what a filter took off: what is drawn is `.not(FILTERED)`. Read from the class, not `:visible`,
 * which keeps its answer from before a class change until the change is drawn (an export made in the same
 * frame would include filtered elements).
 */
export const FILTERED = `.${FILTERED_CLASS}`;
/** Lit up a moment after it was added. */
export const JUST_ADDED_CLASS = "just-added";

/** Classes of the moment (what is highlighted now), never part of a saved or undoable view. */
export const FADED_CLASS = "faded";
export const PATH_NODE_CLASS = "path-node";
export const PATH_EDGE_CLASS = "path-edge";
export const PATH_FADED_CLASS = "path-faded";
export const MENU_TARGET_CLASS = "menu-target";
export const LABELS_OFF_CLASS = "labels-off";
/** A relationship of a big addition not drawn yet: the nodes are painted first, relationships over the next frames. */
export const DRAW_LATER_CLASS = "draw-later";
/** A relationship caption that would sit on another caption or on a node: not drawn until pointed at. */
export const CAPTION_YIELDS_CLASS = "caption-yields";
/** Under the pointer: its caption is drawn legibly whatever the zoom and whatever it collides with. */
export const LABEL_FOCUS_CLASS = "label-focus";
/** A node's name placed elsewhere than under the node, because there it would sit on another name or node. */
export const NAME_PLACE_CLASSES = { top: "name-top", right: "name-right", left: "name-left" } as const;
/** A node's name wrapped narrower than usual, because that frees it. */
export const NAME_WRAPS_NARROW_CLASS = "name-narrow";
/** A node's name with no free place: not drawn until pointed at or selected. */
export const NAME_GIVES_WAY_CLASS = "name-gives-way";
/**
 * Zoomed out past the point where names are drawn: one of the names kept (the most connected nodes
 * first, as many as find a free place), drawn at the smallest legible size.
 */
export const NAME_KEPT_CLASS = "name-kept";

export const HIGHLIGHT_CLASSES: readonly string[] = [
  FADED_CLASS,
  PATH_NODE_CLASS,
  PATH_EDGE_CLASS,
  PATH_FADED_CLASS,
  MENU_TARGET_CLASS,
  LABELS_OFF_CLASS,
  DRAW_LATER_CLASS,
  CAPTION_YIELDS_CLASS,
  LABEL_FOCUS_CLASS,
  ...Object.values(NAME_PLACE_CLASSES),
  NAME_WRAPS_NARROW_CLASS,
  NAME_GIVES_WAY_CLASS,
  NAME_KEPT_CLASS,
];
