-- The figures the search uses to choose its plan (lib/server/search/match-chunks.ts, walkIsCheaper),
-- in one round trip: how many chunks a workspace has (planner estimate) and how many chunks the GIN
-- index gives for a tsquery. The planner's estimate of the candidates is taken when it already
-- says "walk" (candidates² × pass > wanted × rows): it underestimates, never overestimates, an AND
-- of bigrams (it assumes them independent; 「している」: 1,301 for 9,805) and a prefix ('x':*, a
-- 1-character term: 229 for 8,839). Else the candidates are counted: EXPLAIN ANALYZE of a bitmap
-- scan stopped after its first row reports how many TIDs the index scan gave (the bitmap is built
-- in full before the first heap row; no heap row is re-checked). The lexemes carry a tag of their
-- workspace, so the candidates are that workspace's.
CREATE FUNCTION "search_plan_figures"("ws" TEXT, "q" TSQUERY, "wanted" INTEGER, "pass" DOUBLE PRECISION)
RETURNS TABLE("candidates" BIGINT, "rows" BIGINT, "counted" BOOLEAN)
LANGUAGE plpgsql VOLATILE
SET enable_seqscan = off SET enable_indexscan = off SET enable_bitmapscan = on
AS $$
DECLARE
  plan json;
BEGIN
  EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM "SearchChunk" WHERE "workspaceId" = %L', "ws") INTO plan;
  "rows" := round((plan->0->'Plan'->>'Plan Rows')::numeric)::bigint;
  EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM "SearchChunk" WHERE "grams" @@ %L::tsquery', "q") INTO plan;
  "candidates" := round((plan->0->'Plan'->>'Plan Rows')::numeric)::bigint;
  "counted" := "candidates"::double precision * "candidates" * "pass" <= "wanted"::double precision * "rows";
  IF "counted" THEN
    EXECUTE format('EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF, FORMAT JSON) SELECT 1 FROM "SearchChunk" WHERE "grams" @@ %L::tsquery LIMIT 1', "q") INTO plan;
    "candidates" := round((plan->0->'Plan'->'Plans'->0->'Plans'->0->>'Actual Rows')::numeric)::bigint;
  END IF;
  RETURN NEXT;
END $$;
