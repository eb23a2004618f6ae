import { type ClaimsFile, PREDICATES } from "../../../contract/claims-file";
import type { IngestProblem } from "../../../contract/graph-contract";

/**
 * The claims whose predicate is not in the vocabulary: the built-in types and the stored ones
 * (`stored`, the RelationshipType nodes' names). One problem per claim, naming the type and how
 * to add it, so a file with a misspelt or new type writes nothing and says what to do.
 */
export function unknownPredicates(file: Pick<ClaimsFile, "claims">, stored: Iterable<string>): IngestProblem[] {
  const known = new Set<string>([...PREDICATES, ...stored]);
  return file.claims.flatMap((claim, index) =>
    known.has(claim.predicate)
      ? []
      : [
          {
            path: `$.claims[${index}].predicate`,
            message: `the relationship type ${claim.predicate} is not in the vocabulary: add it under Relationship types in the app (or POST /api/vocabulary) with a description, then ingest again`,
          },
        ],
  );
}
