import { describe, expect, it } from "vitest";
import { chooseRenderer, isHardwareGpu, WEBGL_FROM_ELEMENTS } from "../../client/src/canvas/renderer-choice";

const NVIDIA = "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)";
const APPLE = "ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)";
const INTEL_MESA = "Mesa Intel(R) UHD Graphics 620 (KBL GT2)";
const SWIFTSHADER = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)";
const LLVMPIPE = "llvmpipe (LLVM 15.0.6, 256 bits)";
const WINDOWS_SOFTWARE = "ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)";

describe("renderer choice", () => {
  it("takes WebGL for a big graph on a hardware GPU", () => {
    for (const gpu of [NVIDIA, APPLE, INTEL_MESA]) {
      expect(isHardwareGpu(gpu)).toBe(true);
      expect(chooseRenderer(gpu, WEBGL_FROM_ELEMENTS)).toBe("webgl");
      expect(chooseRenderer(gpu, 20_000)).toBe("webgl");
    }
  });

  it("keeps the canvas below the threshold, even on a hardware GPU", () => {
    expect(chooseRenderer(NVIDIA, WEBGL_FROM_ELEMENTS - 1)).toBe("canvas");
    expect(chooseRenderer(NVIDIA, 0)).toBe("canvas");
  });

  it("keeps the canvas on software rasterisers and without WebGL, whatever the size", () => {
    for (const gpu of [SWIFTSHADER, LLVMPIPE, WINDOWS_SOFTWARE, "Google SwiftShader", "", "  ", null]) {
      expect(isHardwareGpu(gpu)).toBe(false);
      expect(chooseRenderer(gpu, 50_000)).toBe("canvas");
    }
  });
});
