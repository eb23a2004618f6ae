/**
 * graphology-gexf's writer alone (the package's browser entry also loads its parser, which needs
 * the DOM when the module loads and is not used here): typed as the package's own `write`.
 */
declare module "graphology-gexf/browser/writer" {
  import type { write } from "graphology-gexf/browser";

  const writeGexf: typeof write;
  export default writeGexf;
}
