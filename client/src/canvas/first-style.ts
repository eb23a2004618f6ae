import type { Core } from "cytoscape";

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
    /** A relationship's ends. */
    source?: StyledElement;
    target?: StyledElement;
    /** A node's relationships. */
    edges: StyledElement[];
  };
  isNode(): boolean;
  dirtyCompoundBoundsCache(): unknown;
  dirtyBoundingBoxCache(): unknown;
}

interface StyleInternals {
  apply(eles: ArrayLike<StyledElement>): unknown;
  checkTriggers(ele: StyledElement, name: string, fromValue: unknown, toValue: unknown): void;
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
  if (typeof apply !== "function" || typeof checkTriggers !== "function") return false;
  /** Elements whose first style is being applied now: their per-property invalidation waits. */
  const firstTime = new Set<StyledElement>();
  proto.checkTriggers = function (this: StyleInternals, ele, name, fromValue, toValue) {
    if (firstTime.has(ele)) return;
    checkTriggers.call(this, ele, name, fromValue, toValue);
  };
  proto.apply = function (this: StyleInternals, eles) {
    const fresh: StyledElement[] = [];
    for (let index = 0; index < eles.length; index += 1) {
      const ele = eles[index] as StyledElement;
      if (ele._private.appliedInitStyle !== true && !firstTime.has(ele)) fresh.push(ele);
    }
    for (const ele of fresh) firstTime.add(ele);
    try {
      return apply.call(this, eles);
    } finally {
      for (const ele of fresh) firstTime.delete(ele);
      for (const ele of fresh) invalidateOnce(cy, ele);
    }
  };
  proto[PATCHED] = true;
  return true;
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
