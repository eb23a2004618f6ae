import { z } from "zod";

export const benchSizeSchema = z.enum(["tiny", "full"]);
export type BenchSize = z.infer<typeof benchSizeSchema>;

/** A measured figure against its target, next to the anchor (raw driver, plain Cytoscape.js, the 10-neighbour node). */
export const targetResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  figure: z.number().nullable(),
  /** Which number the target judges: the figure itself, or figure ÷ anchor. */
  judged: z.enum(["figure", "ratio"]),
  target: z.object({ op: z.enum(["<=", ">="]), value: z.number() }),
  anchor: z.object({ label: z.string(), figure: z.number().nullable() }).nullable(),
  ratio: z.number().nullable(),
  met: z.boolean(),
  why: z.string().optional(),
});
export type TargetResult = z.infer<typeof targetResultSchema>;

/** A figure reported without a target of its own (throughput, memory, zooming, the variants). */
export const figureResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  figure: z.number().nullable(),
});
export type FigureResult = z.infer<typeof figureResultSchema>;

export const benchResultsSchema = z
  .object({
    version: z.literal(1),
    size: benchSizeSchema,
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    runs: z.number().int().positive(),
    machine: z.object({ cpus: z.number().int().positive(), node: z.string(), platform: z.string() }),
    graph: z.object({
      nodes: z.number().int().nonnegative(),
      relationships: z.number().int().nonnegative(),
      seed: z.number().int(),
      supernodeDegree: z.number().int().nonnegative(),
      nodesPerSecond: z.number().nullable(),
      relationshipsPerSecond: z.number().nullable(),
    }),
    targets: z.array(targetResultSchema).min(1),
    figures: z.array(figureResultSchema),
    /** Parts that could not run, and why (a missing endpoint, no browser). */
    skipped: z.array(z.object({ part: z.string(), reason: z.string() })),
  })
  .strict();
export type BenchResults = z.infer<typeof benchResultsSchema>;
