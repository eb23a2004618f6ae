/** Every keyboard and mouse shortcut of the explorer, as the help overlay lists them. */
export interface Shortcut {
  keys: readonly string[];
  does: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: readonly Shortcut[];
}

export const SHORTCUTS: readonly ShortcutGroup[] = [
  {
    title: "Canvas",
    shortcuts: [
      { keys: ["Click"], does: "Select a node or relationship: its details, its neighbourhood highlighted" },
      { keys: ["Shift", "Click"], does: "Add a node to the selection (two nodes: find paths between them)" },
      { keys: ["Double-click"], does: "Expand a node: add its neighbours" },
      { keys: ["Right-click"], does: "Node menu: expand by relationship type, hide, pin, collapse, find paths" },
      { keys: ["Shift", "F10"], does: "Node menu of the selected node (also the context-menu key)" },
      { keys: ["Delete"], does: "Hide the selection from the view (nothing is deleted from Neo4j)" },
      { keys: ["Ctrl", "Z"], does: "Undo" },
      { keys: ["Ctrl", "Shift", "Z"], does: "Redo (also Ctrl+Y)" },
      {
        keys: ["Drag"],
        does: "Move a node (which pins it: a pin mark shows and layouts leave it there; right-click → Unpin), or pan on the background; the wheel zooms",
      },
    ],
  },
  {
    title: "Menus and panels",
    shortcuts: [
      { keys: ["↑ / ↓"], does: "Move through a menu or the search hits" },
      { keys: ["Enter"], does: "Pick the menu entry or search hit" },
      { keys: ["Esc"], does: "Close a menu, a dialog, this help, the paths found, then the details panel" },
    ],
  },
  {
    title: "Elsewhere",
    shortcuts: [
      { keys: ["?"], does: "This help and the settings" },
      { keys: ["Ctrl", "Enter"], does: "Run the query in the Cypher workbench, from anywhere in its drawer" },
      { keys: ["Ctrl", "Space"], does: "Complete labels, types and properties in the Cypher editor" },
    ],
  },
];
