import type { Core } from "cytoscape";

declare global {
  interface Window {
    /** The Cytoscape instance, for the console and for browser tests. */
    cy: Core;
  }
}
