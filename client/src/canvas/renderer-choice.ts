/** Which of Cytoscape.js' renderers draws the graph: the 2D canvas, or the same renderer with WebGL on. */
export type RendererKind = "canvas" | "webgl";

/**
 * From this many elements on, a machine with a hardware GPU draws with WebGL: the size from which
 * the canvas already trades detail for speed (performance-options.ts, LARGE_GRAPH_ELEMENTS).
 */
export const WEBGL_FROM_ELEMENTS = 3_000;

/**
 * WebGL implementations that rasterise on the CPU. Under SwiftShader Cytoscape.js' WebGL renderer
 * drew 20,000 elements slower than the 2D canvas (decision 0006), so they count as no GPU.
 */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver|mesa offscreen/i;

/** True when the WebGL renderer string names real graphics hardware. */
export function isHardwareGpu(gpu: string | null): boolean {
  return gpu !== null && gpu.trim() !== "" && !SOFTWARE_RENDERERS.test(gpu);
}

/** WebGL for big graphs on a hardware GPU; the 2D canvas for small graphs and software WebGL or none. */
export function chooseRenderer(gpu: string | null, elements: number): RendererKind {
  return elements >= WEBGL_FROM_ELEMENTS && isHardwareGpu(gpu) ? "webgl" : "canvas";
}

interface DebugRendererInfo {
  UNMASKED_RENDERER_WEBGL: number;
}

/**
 * The WebGL renderer string of this browser ("ANGLE (NVIDIA ...)", "Google SwiftShader"), or null
 * when WebGL is not available. Asked once, from a throw-away context that is released again.
 */
export function webglRendererName(doc: Document = document): string | null {
  const probe = doc.createElement("canvas");
  const gl = (probe.getContext("webgl2") ?? probe.getContext("webgl")) as WebGLRenderingContext | null;
  if (!gl) return null;
  try {
    const info = gl.getExtension("WEBGL_debug_renderer_info") as DebugRendererInfo | null;
    const name = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    return typeof name === "string" ? name : null;
  } finally {
    gl.getExtension("WEBGL_lose_context")?.loseContext();
  }
}
