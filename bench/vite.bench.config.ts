import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** The browser bench's two pages (the app's canvas, plain Cytoscape.js), built like the app: production mode, minified. */
export default defineConfig({
  root: fileURLToPath(new URL("./pages", import.meta.url)),
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../dist/bench", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        app: fileURLToPath(new URL("./pages/app-canvas.html", import.meta.url)),
        plain: fileURLToPath(new URL("./pages/plain-cytoscape.html", import.meta.url)),
      },
    },
  },
});
