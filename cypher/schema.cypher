// Schema of the knowledge graph (Neo4j 5.26 Community).
// One statement per auto-commit transaction; every statement is idempotent (IF NOT EXISTS).
// See /work/shared/GRAPH-MODEL.md for the contract these names implement.

// ---------------------------------------------------------------------------
// Uniqueness of the stable slug `id`, one constraint per label used by the seed.
// Each constraint is backed by a range index, so MATCH/MERGE on (:Label {id: ...}) is an index seek.
// ---------------------------------------------------------------------------
CREATE CONSTRAINT company_id_unique IF NOT EXISTS
FOR (n:Company) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT chip_id_unique IF NOT EXISTS
FOR (n:Chip) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT product_id_unique IF NOT EXISTS
FOR (n:Product) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT source_id_unique IF NOT EXISTS
FOR (n:Source) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT country_id_unique IF NOT EXISTS
FOR (n:Country) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT policy_id_unique IF NOT EXISTS
FOR (n:Policy) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT technology_id_unique IF NOT EXISTS
FOR (n:Technology) REQUIRE n.id IS UNIQUE;

// ---------------------------------------------------------------------------
// Saved views: the app's own records (a name and a canvas state as JSON), isolated nodes that the
// graph endpoints never return. Unique name: saving under a name replaces that view.
// ---------------------------------------------------------------------------
CREATE CONSTRAINT saved_view_id_unique IF NOT EXISTS
FOR (v:SavedView) REQUIRE v.id IS UNIQUE;

CREATE CONSTRAINT saved_view_name_unique IF NOT EXISTS
FOR (v:SavedView) REQUIRE v.name IS UNIQUE;

// Drafts: an article an analyst is turning into claims (its text and review as JSON), saved as
// they work; isolated nodes that the graph endpoints never return, like saved views.
CREATE CONSTRAINT draft_id_unique IF NOT EXISTS
FOR (d:Draft) REQUIRE d.id IS UNIQUE;

// Supernodes' neighbour rankings (server/src/claims/neighbour-ranking.ts): one isolated node per
// node with more than 1,000 relationships, found by that node's element id when it is expanded.
CREATE CONSTRAINT neighbour_ranking_hub_unique IF NOT EXISTS
FOR (r:NeighbourRanking) REQUIRE r.hub IS UNIQUE;

// Watches (issue #20): what an analyst follows (a node, a relationship, a saved view) and when they
// last looked; isolated nodes like saved views, never returned by the graph endpoints.
CREATE CONSTRAINT watch_id_unique IF NOT EXISTS
FOR (w:Watch) REQUIRE w.id IS UNIQUE;

// ---------------------------------------------------------------------------
// Full-text search over display names and aliases, for every label above.
//
// `aliases` is a LIST<STRING>, indexed directly: Neo4j 5 full-text indexes accept STRING and
// LIST<STRING> properties; each list element is analysed separately and all its tokens are
// attached to the same field, so a query matches when any alias matches (Cypher Manual 5,
// "Full-text indexes" > "Lists of STRING values"; documented since docs-cypher PR #59, 2022, i.e.
// before 5.0). No denormalised `aliasesText` copy is therefore needed.
//
// Default analyzer (standard-no-stop-words): lower-cases, does not fold accents, so the seed keeps
// both accented and plain spellings among the aliases where it matters ("États-Unis", "US").
// Query it with: CALL db.index.fulltext.queryNodes('entityNames', $q) YIELD node, score
// ---------------------------------------------------------------------------
CREATE FULLTEXT INDEX entityNames IF NOT EXISTS
FOR (n:Company|Chip|Product|Source|Country|Policy|Technology)
ON EACH [n.name, n.aliases];

// ---------------------------------------------------------------------------
// Lookup by id across labels: every node of the analysts' graph also carries :Entity
// (cypher/seed/04-entity-label.cypher, and ingestion), and this constraint's index makes
// MATCH (n:Entity {id: $id}) a seek. It also states what the API already assumes: an `id` names
// one node in the whole graph (the canvas and the URLs key on it), not just within its label.
// The API leaves the Entity label out of what it shows.
// ---------------------------------------------------------------------------
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS
FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// ---------------------------------------------------------------------------
// Claims (issue #6): the app's meta-level records, isolated nodes like SavedView that the graph
// endpoints never return. A Claim is one statement of one Source, read in one Article; it names
// its relationship, Source and Article by id (indexed), so traversals of the analysts' graph never
// meet it. Claim ids derive from the claim's content: re-ingesting a file finds the same ones.
// ---------------------------------------------------------------------------
CREATE CONSTRAINT claim_id_unique IF NOT EXISTS
FOR (c:Claim) REQUIRE c.id IS UNIQUE;

CREATE CONSTRAINT article_id_unique IF NOT EXISTS
FOR (a:Article) REQUIRE a.id IS UNIQUE;

// Ingests take turns (server/src/claims/claims-queries.ts, TAKE_INGEST_TURN_QUERY): each creates
// the one IngestLock node inside its transaction and deletes it before committing; this
// constraint makes a concurrent ingest wait for the first to commit. No IngestLock is ever stored.
CREATE CONSTRAINT ingest_lock_id_unique IF NOT EXISTS
FOR (l:IngestLock) REQUIRE l.id IS UNIQUE;

CREATE INDEX claim_relationship_id IF NOT EXISTS
FOR (c:Claim) ON (c.relationshipId);

CREATE INDEX claim_source_id IF NOT EXISTS
FOR (c:Claim) ON (c.sourceId);

CREATE INDEX claim_article_source_id IF NOT EXISTS
FOR (c:Claim) ON (c.articleSourceId);

// The Sources view lists an article's claims by its id.
CREATE INDEX claim_article_id IF NOT EXISTS
FOR (c:Claim) ON (c.articleId);

// The change list (issue #20) reads only the claims that may have changed between two days:
// range seeks on when claims are first known and when they begin and stop holding, and seeks by
// subject and object for whether an entity was named before (server/src/timeline/timeline-queries.ts).
CREATE INDEX claim_known_from IF NOT EXISTS
FOR (c:Claim) ON (c.knownFrom);

CREATE INDEX claim_holds_from IF NOT EXISTS
FOR (c:Claim) ON (c.holdsFrom);

CREATE INDEX claim_holds_to IF NOT EXISTS
FOR (c:Claim) ON (c.holdsTo);

CREATE INDEX claim_subject IF NOT EXISTS
FOR (c:Claim) ON (c.subject);

CREATE INDEX claim_object IF NOT EXISTS
FOR (c:Claim) ON (c.object);

// ---------------------------------------------------------------------------
// The vocabulary of relationship types (issue #16): one RelationshipType node per name, isolated
// like SavedView, never returned by the graph endpoints. npm run db:seed stores the built-in types;
// analysts add others in the app. Ingestion accepts a claim's predicate only from this vocabulary.
// ---------------------------------------------------------------------------
CREATE CONSTRAINT relationship_type_name_unique IF NOT EXISTS
FOR (t:RelationshipType) REQUIRE t.name IS UNIQUE;
