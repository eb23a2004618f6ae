import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { LibraryQueryDto } from "../../../contract/graph-contract";
import { parseQueryFile } from "./parse-query-file";

/** The analysts' query library: every cypher/queries/*.cypher file, by file name. */
export async function loadQueryLibrary(dir: string): Promise<LibraryQueryDto[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".cypher")).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = parseQueryFile(file, await readFile(join(dir, file), "utf8"));
      return {
        id: basename(file, ".cypher"),
        name: parsed.name,
        description: parsed.description,
        query: parsed.text,
        params: parsed.params,
      };
    }),
  );
}
