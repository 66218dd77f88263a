/**
 * Version of the search index's format. Bump it when the key, the grams or the chunking change:
 * every workspace whose SearchIndexState names an older format (or none: workspaces from before
 * the index existed) is rebuilt on its next search (rebuild-index.ts).
 */
export const SEARCH_INDEX_FORMAT = 1;
