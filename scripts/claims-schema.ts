import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { claimsFileJsonSchema } from "../contract/claims-file";
import { projectRoot } from "./project-root";

// Regenerates schemas/claims-file.schema.json from the zod schema (a unit test checks they agree).
const target = join(projectRoot, "schemas", "claims-file.schema.json");
writeFileSync(target, `${JSON.stringify(claimsFileJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target}`);
