declare module "cytoscape-svg" {
  import type { Ext } from "cytoscape";

  /** Registers `cy.svg(options)`: the graph drawn through canvas2svg, so text stays text. */
  const cytoscapeSvg: Ext;
  export default cytoscapeSvg;
}
