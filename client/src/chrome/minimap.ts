import type { Core } from "cytoscape";
import { el } from "../dom/el";
import { isSmallScreen } from "../dom/small-screen";
import { FILTERED } from "../look/canvas-classes";
import { labelStyleFor } from "../look/label-styles";
import { type MinimapTransform, minimapTransform, toModel } from "./minimap-geometry";
import { watchPicture } from "./minimap-picture-watch";

const WIDTH = 200;
const HEIGHT = 136;
/** Past this many relationships the overview draws nodes only. */
const EDGES_UP_TO = 4000;
const KEY = "graph-explorer.minimap";
/** From this many nodes the picture is drawn when the page is idle rather than in the next frame. */
const PICTURE_LATER_FROM_NODES = 1000;
/** At most this long after a change, the picture is drawn even if the page never went idle. */
const IDLE_AT_MOST_MS = 1500;

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * A bird's-eye view of the whole graph with the visible part framed; click or drag in it to move
 * the view there. Drawn on a small canvas of its own (no inline styles or scripts, which the
 * Content-Security-Policy forbids). Can be folded away; the choice is remembered.
 */
export function createMinimap(host: HTMLElement, cy: Core, storage: Storage): HTMLElement {
  const canvas = el("canvas", {
    class: "minimap-canvas",
    "data-testid": "minimap-canvas",
    "aria-label": "Overview of the graph",
  });
  const toggle = el(
    "button",
    { type: "button", class: "minimap-toggle", "aria-expanded": "true", "data-testid": "minimap-toggle" },
    "Overview",
  );
  const root = el("aside", { class: "minimap", "data-testid": "minimap", "aria-label": "Overview" }, toggle, canvas);
  host.append(root);

  let transform: MinimapTransform | undefined;
  // The graph is drawn once into `picture` and copied from there when only the view moves: a pan
  // redraws the frame, not 20,000 elements. It is drawn again only when what it shows changed.
  const picture = document.createElement("canvas");
  let queued = false;
  const setOpen = (open: boolean) => {
    canvas.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    root.classList.toggle("is-folded", !open);
    storage.setItem(KEY, open ? "open" : "folded");
    if (open) schedule();
  };
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));

  const drawPicture = (ratio: number) => {
    picture.width = WIDTH * ratio;
    picture.height = HEIGHT * ratio;
    const context = picture.getContext("2d");
    const nodes = cy.nodes().not(FILTERED);
    transform = undefined;
    if (!context || nodes.empty()) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const t = minimapTransform(nodes.boundingBox({ includeLabels: false }), WIDTH, HEIGHT);
    transform = t;
    const edges = cy.edges().not(FILTERED);
    if (edges.length <= EDGES_UP_TO) {
      context.strokeStyle = getComputedStyle(root).getPropertyValue("--minimap-edge").trim() || "#a0a8b5";
      context.lineWidth = 0.7;
      context.beginPath();
      edges.forEach((edge) => {
        const a = edge.source().position();
        const b = edge.target().position();
        context.moveTo(a.x * t.scale + t.dx, a.y * t.scale + t.dy);
        context.lineTo(b.x * t.scale + t.dx, b.y * t.scale + t.dy);
      });
      context.stroke();
    }
    const radius = Math.max(1.5, Math.min(4, 20 * t.scale));
    nodes.forEach((node) => {
      const { x, y } = node.position();
      context.fillStyle = labelStyleFor(String(node.data("label"))).color;
      context.beginPath();
      context.arc(x * t.scale + t.dx, y * t.scale + t.dy, radius, 0, 2 * Math.PI);
      context.fill();
    });
  };

  // A big graph's picture is drawn once the page is idle, not in the frame that first shows the
  // graph (0.2 s of it at 20,000 elements); the map shows the previous picture meanwhile.
  let pictureDue = false;
  const drawPictureLater = () => {
    if (pictureDue) return;
    pictureDue = true;
    whenIdle(() => {
      pictureDue = false;
      if (canvas.hidden) return;
      drawPicture(window.devicePixelRatio || 1);
      watch.drawn();
      schedule();
    });
  };

  const draw = () => {
    queued = false;
    if (canvas.hidden) return;
    const ratio = window.devicePixelRatio || 1;
    if (watch.stale || picture.width !== WIDTH * ratio) {
      if (cy.nodes().length >= PICTURE_LATER_FROM_NODES) drawPictureLater();
      else {
        drawPicture(ratio);
        watch.drawn();
      }
    }
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    const context = canvas.getContext("2d");
    if (!context) return;
    context.clearRect(0, 0, canvas.width, canvas.height);
    const t = transform;
    if (!t) return;
    context.drawImage(picture, 0, 0);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const view = cy.extent();
    const x1 = Math.max(0, view.x1 * t.scale + t.dx);
    const y1 = Math.max(0, view.y1 * t.scale + t.dy);
    const x2 = Math.min(WIDTH, view.x2 * t.scale + t.dx);
    const y2 = Math.min(HEIGHT, view.y2 * t.scale + t.dy);
    if (x2 > x1 && y2 > y1) {
      const colours = getComputedStyle(root);
      context.fillStyle = colours.getPropertyValue("--minimap-view-fill").trim() || "rgb(31 95 191 / 10%)";
      context.strokeStyle = colours.getPropertyValue("--minimap-view").trim() || "#1f5fbf";
      context.lineWidth = 1.5;
      context.fillRect(x1, y1, x2 - x1, y2 - y1);
      context.strokeRect(x1 + 0.75, y1 + 0.75, x2 - x1 - 1.5, y2 - y1 - 1.5);
    }
  };
  function schedule() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(draw);
  }
  const watch = watchPicture(cy, schedule);
  cy.on("viewport resize", schedule);

  const panTo = (event: PointerEvent) => {
    if (!transform) return;
    const box = canvas.getBoundingClientRect();
    const point = toModel(transform, event.clientX - box.left, event.clientY - box.top);
    const zoom = cy.zoom();
    cy.pan({ x: cy.width() / 2 - point.x * zoom, y: cy.height() / 2 - point.y * zoom });
  };
  canvas.addEventListener("pointerdown", (event) => {
    canvas.setPointerCapture(event.pointerId);
    panTo(event);
  });
  canvas.addEventListener("pointermove", (event) => {
    if (canvas.hasPointerCapture(event.pointerId)) panTo(event);
  });

  // On a phone it starts folded whatever was remembered (without forgetting it for wider windows).
  if (isSmallScreen()) {
    canvas.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    root.classList.add("is-folded");
  } else setOpen(storage.getItem(KEY) !== "folded");
  return root;
}

/** Runs `work` when the browser is idle (at most IDLE_AT_MOST_MS later); a task after a frame where idle callbacks are missing. */
function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(work, { timeout: IDLE_AT_MOST_MS });
  else requestAnimationFrame(() => setTimeout(work, 0));
}
