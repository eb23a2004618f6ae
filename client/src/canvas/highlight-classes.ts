/** Classes of the moment (what is highlighted now), never part of a saved or undoable view. */
export const FADED_CLASS = "faded";
export const PATH_NODE_CLASS = "path-node";
export const PATH_EDGE_CLASS = "path-edge";
export const PATH_FADED_CLASS = "path-faded";
export const MENU_TARGET_CLASS = "menu-target";
export const LABELS_OFF_CLASS = "labels-off";

export const HIGHLIGHT_CLASSES: readonly string[] = [
  FADED_CLASS,
  PATH_NODE_CLASS,
  PATH_EDGE_CLASS,
  PATH_FADED_CLASS,
  MENU_TARGET_CLASS,
  LABELS_OFF_CLASS,
];
