/** Records requestAnimationFrame timestamps between start() and stop(): what the page actually painted. */
export interface FrameStats {
  frames: number;
  fps: number;
  p95FrameMs: number;
  longestFrameMs: number;
  /** Frames over 100 ms: each one a freeze an analyst notices. */
  longFrames: number;
  /** The five longest frames, longest first. */
  slowestFramesMs: number[];
}

export function createFrameMeter() {
  let stamps: number[] = [];
  let recording = false;
  const tick = (time: number) => {
    if (recording) stamps.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    start() {
      stamps = [];
      recording = true;
    },
    stop(): FrameStats {
      recording = false;
      return frameStats(stamps);
    },
  };
}

export function frameStats(stamps: readonly number[]): FrameStats {
  const gaps = stamps.slice(1).map((stamp, index) => stamp - (stamps[index] as number));
  if (gaps.length === 0)
    return {
      frames: stamps.length,
      fps: 0,
      p95FrameMs: Number.NaN,
      longestFrameMs: Number.NaN,
      longFrames: 0,
      slowestFramesMs: [],
    };
  const sorted = [...gaps].sort((a, b) => a - b);
  const span = (stamps[stamps.length - 1] as number) - (stamps[0] as number);
  return {
    frames: gaps.length,
    fps: (gaps.length * 1000) / span,
    p95FrameMs: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number,
    longestFrameMs: sorted[sorted.length - 1] as number,
    longFrames: gaps.filter((gap) => gap > 100).length,
    slowestFramesMs: sorted.slice(-5).reverse(),
  };
}

/** Resolves after the frame that follows the current one was produced: what was drawn is on screen. */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));
}
