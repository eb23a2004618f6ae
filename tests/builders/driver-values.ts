/** Builders of real neo4j-driver objects, so mapping tests exercise the same types as production. */
import neo4j, { Node, Path, PathSegment, Record, Relationship } from "neo4j-driver";

let nextIdentity = 1;

export function aNode(labels: string[], properties: { [key: string]: unknown }, elementId?: string): Node {
  const identity = nextIdentity++;
  return new Node(neo4j.int(identity), labels, properties, elementId ?? `4:test:${identity}`);
}

export function aRelationship(
  start: Node,
  type: string,
  end: Node,
  properties: { [key: string]: unknown } = {},
): Relationship {
  const identity = nextIdentity++;
  return new Relationship(
    neo4j.int(identity),
    start.identity,
    end.identity,
    type,
    properties,
    `5:test:${identity}`,
    start.elementId,
    end.elementId,
  );
}

export function aPath(start: Node, ...steps: Array<[Relationship, Node]>): Path {
  let from = start;
  const segments = steps.map(([relationship, to]) => {
    const segment = new PathSegment(from, relationship, to);
    from = to;
    return segment;
  });
  return new Path(start, from, segments);
}

export function aRecord(fields: { [key: string]: unknown }): Record {
  return new Record(Object.keys(fields), Object.values(fields));
}
