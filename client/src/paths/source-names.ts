import type { NodeDetails } from "../../../contract/graph-contract";

/** Names of Source nodes for the paths panel: the caption drawn, else fetched once (the id if that fails). */
export function createSourceNames(
  caption: (id: string) => string | undefined,
  getNode: (id: string) => Promise<NodeDetails>,
): (ids: readonly string[]) => Promise<string[]> {
  const known = new Map<string, Promise<string>>();
  const name = (id: string): Promise<string> => {
    const onCanvas = caption(id);
    if (onCanvas !== undefined) return Promise.resolve(onCanvas);
    let fetched = known.get(id);
    if (!fetched) {
      fetched = getNode(id).then(
        (details) => details.node.data.caption,
        () => id,
      );
      known.set(id, fetched);
    }
    return fetched;
  };
  return (ids) => Promise.all(ids.map(name));
}
