import type { Core } from "cytoscape";
import { DRAW_LATER_CLASS } from "../look/canvas-classes";

/**
 * Cytoscape.js 3.34's Style (src/style/apply.mjs): `apply` computes the style of each element it is
 * given, and calls `checkTriggers` once per property it sets. That function invalidates what the
 * property could change: the element's cached style (and its relationships'), its bounding box (an
 * event to every listener), its relationships' and parallel relationships' boxes, the z-order.
 * Internals: an upgrade of Cytoscape.js must check them (tests/unit/first-style.test.ts fails if
 * they are gone).
 */
interface StyledElement {
  _private: {
    appliedInitStyle?: boolean;
    /** Which rules matched at its last style, one t/f per rule. */
    styleCxtKey?: string;
    /** A relationship's ends. */
    source?: StyledElement;
    target?: StyledElement;
    /** A node's relationships. */
    edges: StyledElement[];
  };
  isNode(): boolean;
  hasClass(name: string): boolean;
  dirtyCompoundBoundsCache(): unknown;
  dirtyBoundingBoxCache(): unknown;
  dirtyStyleCache(): unknown;
}

interface ContextMeta {
  key: string;
  diffPropNames: string[];
  empty: boolean;
}

/** One rule of the stylesheet as Cytoscape.js keeps it (`style[i]`). */
interface StyleContext {
  selector?: { toString(): string } | null;
}

interface StyleInternals {
  length: number;
  [index: number]: StyleContext;
  apply(eles: ArrayLike<StyledElement>): unknown;
  checkTriggers(ele: StyledElement, name: string, fromValue: unknown, toValue: unknown): void;
  getContextMeta(ele: StyledElement): ContextMeta;
  getPropertiesDiff(oldKey: string, newKey: string): string[];
}

const PATCHED = Symbol.for("graph-explorer.first-style-in-one-go");

/**
 * Makes an element's first style cost one round of invalidation instead of one per property. The
 * canvas' rules set about 25 properties on every node and relationship; a new element's first
 * style ran the invalidation 25 times (each node's relationships walked 25 times, 25 `bounds`
 * events through every listener): measured on 7,000 nodes / 13,000 relationships, that was a
 * third of styling and a seventh of the first frame. Plain Cytoscape.js with one rule sets one
 * property per element. A first style has nothing cached yet that a property could make wrong,
 * so what can be out of date is invalidated once, after the element's style is complete.
 * Styles applied again later (a class, a zoom) keep the invalidation per property.
 *
 * Returns false, and changes nothing, when the internals are not there (another Cytoscape.js).
 */
export function styleFirstTimeInOneGo(cy: Core): boolean {
  const style = (cy as Core & { style(): object }).style();
  const proto = Object.getPrototypeOf(style) as Partial<StyleInternals> & { [PATCHED]?: true };
  if (proto[PATCHED]) return true;
  const apply = proto.apply;
  const checkTriggers = proto.checkTriggers;
  const getContextMeta = proto.getContextMeta;
  if (typeof apply !== "function" || typeof checkTriggers !== "function" || typeof getContextMeta !== "function")
    return false;
  /** Elements whose first style is being applied now: their per-property invalidation waits. */
  const firstTime = new Set<StyledElement>();
  /** Relationships first styled while not drawn yet: they hold only the rules of `draw-later` (see hiddenKey). */
  const styledHidden = new WeakSet<StyledElement>();
  const waiting = (ele: StyledElement) => !ele.isNode() && ele.hasClass(DRAW_LATER_CLASS);
  proto.checkTriggers = function (this: StyleInternals, ele, name, fromValue, toValue) {
    if (firstTime.has(ele)) return;
    checkTriggers.call(this, ele, name, fromValue, toValue);
  };
  proto.getContextMeta = function (this: StyleInternals, ele) {
    if (!((firstTime.has(ele) || styledHidden.has(ele)) && waiting(ele))) return getContextMeta.call(this, ele);
    // Not drawn yet: only the `draw-later` rules count (display: none), so its first style costs one
    // property instead of every edge rule's. Its real style comes when the class goes: every rule that
    // matches then is new to it, so all their properties are applied (getPropertiesDiff).
    styledHidden.add(ele);
    const key = hiddenKey(this);
    const diffPropNames = this.getPropertiesDiff(ele._private.styleCxtKey ?? "", key);
    ele._private.styleCxtKey = key;
    return { key, diffPropNames, empty: diffPropNames.length === 0 };
  };
  proto.apply = function (this: StyleInternals, eles) {
    const fresh: StyledElement[] = [];
    const shown: StyledElement[] = [];
    for (let index = 0; index < eles.length; index += 1) {
      const ele = eles[index] as StyledElement;
      if (firstTime.has(ele)) continue;
      if (ele._private.appliedInitStyle !== true) fresh.push(ele);
      // Its real style is applied for the first time: as for a new element, invalidated once.
      else if (styledHidden.has(ele) && !waiting(ele)) shown.push(ele);
    }
    for (const ele of fresh) firstTime.add(ele);
    for (const ele of shown) firstTime.add(ele);
    try {
      return apply.call(this, eles);
    } finally {
      for (const ele of fresh) firstTime.delete(ele);
      for (const ele of shown) firstTime.delete(ele);
      for (const ele of fresh) invalidateOnce(cy, ele);
      for (const ele of shown) {
        styledHidden.delete(ele);
        // Unlike a new element's, its cached style values and box (empty, not drawn) may have been read.
        ele.dirtyStyleCache();
        ele.dirtyBoundingBoxCache();
        invalidateOnce(cy, ele);
      }
    }
  };
  proto[PATCHED] = true;
  return true;
}

/** The context key (one t/f per rule) of a relationship not drawn yet: only rules that select `edge.draw-later`. */
const hiddenKeys = new WeakMap<object, { length: number; key: string }>();

function hiddenKey(style: StyleInternals): string {
  const known = hiddenKeys.get(style);
  if (known && known.length === style.length) return known.key;
  const hidden = `edge.${DRAW_LATER_CLASS}`;
  let key = "";
  for (let index = 0; index < style.length; index += 1)
    key += String(style[index]?.selector ?? "") === hidden ? "t" : "f";
  hiddenKeys.set(style, { length: style.length, key });
  return key;
}

/**
 * What a first style can have made out of date, once. Nothing of the element itself: its box, its
 * caption's size and its cached style values are all worked out from its style, so none was
 * computed before it (reading any of them applies the style first), and the same holds for its
 * relationships, which read its style to place their ends. What can be out of date: the drawing
 * order, and the relationships parallel to a new one (they bend apart to make room for it).
 */
function invalidateOnce(cy: Core, ele: StyledElement): void {
  (cy as Core & { notify(event: string, eles: unknown): void }).notify("zorder", ele);
  ele.dirtyCompoundBoundsCache();
  const { source, target } = ele._private;
  if (ele.isNode() || !source || !target) return;
  // parallelEdges() builds a collection per call (0.15 s for 13,000 relationships): the source's own list is enough.
  for (const other of source._private.edges) {
    if (other === ele) continue;
    const ends = other._private;
    if ((ends.source === source && ends.target === target) || (ends.source === target && ends.target === source))
      other.dirtyBoundingBoxCache();
  }
}
