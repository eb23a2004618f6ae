import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** The Express API the dev server forwards `/api` to; same origin in production. */
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
const proxy = { "/api": { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  root: fileURLToPath(new URL("./client", import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL("./dist/client", import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The largest files are the Cypher editor's worker (~6.2 MB minified, 1.6 MB gzipped): Neo4j's
    // Cypher 5 parser and its semantic analysis (@neo4j-cypher/language-support, compiled from
    // Neo4j's own Scala front end), and the same analysis as a chunk the page loads only when no
    // worker can start. The worker starts when the workbench first opens, never with the explorer;
    // the editor's own chunk (CodeMirror) is ~350 kB. Cytoscape.js plus fcose is ~560 kB (170 kB gzipped).
    chunkSizeWarningLimit: 7000,
    rolldownOptions: {
      // Three pages: the explorer, the sign-in page and the account page (accounts mode).
      input: {
        main: fileURLToPath(new URL("./client/index.html", import.meta.url)),
        signIn: fileURLToPath(new URL("./client/sign-in.html", import.meta.url)),
        admin: fileURLToPath(new URL("./client/admin.html", import.meta.url)),
      },
      output: {
        // Cytoscape and its layout engine change rarely: their own chunk caches across releases.
        codeSplitting: {
          groups: [
            { name: "graph-vendor", test: /node_modules[\\/](cytoscape|cytoscape-fcose|cose-base|layout-base)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
