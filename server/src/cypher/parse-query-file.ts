import type { PropertyValue } from "../../../contract/graph-contract";

/** A query of the analysts' library (cypher/queries/*.cypher), read from its header comments. */
export interface LibraryQuery {
  name: string;
  description: string;
  /** Example values of its $parameters, in header order. */
  params: { [name: string]: PropertyValue };
  text: string;
}

const HEADER = /^\/\/\s*@(\w+)\s+(.*)$/;
const PARAM = /^(\w+)\s*=\s*(.+)$/;

/**
 * Reads `// @name`, `// @description` and `// @param name = <JSON>` lines.
 * Throws with the file name and line when a header is malformed.
 */
export function parseQueryFile(fileName: string, text: string): LibraryQuery {
  let name: string | undefined;
  let description = "";
  const params: { [name: string]: PropertyValue } = {};
  text.split("\n").forEach((line, index) => {
    const header = HEADER.exec(line.trim());
    if (!header) return;
    const [, tag, value = ""] = header;
    if (tag === "name") name = value.trim();
    else if (tag === "description") description = value.trim();
    else if (tag === "param") {
      const param = PARAM.exec(value.trim());
      if (!param?.[1] || param[2] === undefined)
        throw new Error(`${fileName}:${index + 1}: expected "@param name = <JSON value>"`);
      try {
        params[param[1]] = JSON.parse(param[2]) as PropertyValue;
      } catch {
        throw new Error(`${fileName}:${index + 1}: the example value of $${param[1]} is not JSON`);
      }
    }
  });
  if (!name) throw new Error(`${fileName}: missing "// @name" header`);
  return { name, description, params, text: text.trim().replace(/;\s*$/, "") };
}
