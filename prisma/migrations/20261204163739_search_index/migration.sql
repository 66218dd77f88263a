-- CreateTable
CREATE TABLE "SearchChunk" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "versionId" TEXT,
    "annotationId" TEXT,
    "replyId" TEXT,
    "authorId" TEXT,
    "seq" INTEGER NOT NULL,
    "docAt" TIMESTAMP(3) NOT NULL,
    "kindOrder" INTEGER NOT NULL,
    "sourceStart" INTEGER NOT NULL,
    "ownEnd" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "ownKeyLen" INTEGER NOT NULL,
    "grams" tsvector NOT NULL,
    "headingPath" TEXT[],
    "page" INTEGER,

    CONSTRAINT "SearchChunk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchIndexState" (
    "workspaceId" TEXT NOT NULL,
    "format" INTEGER NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchIndexState_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "SearchChunk_workspaceId_documentId_idx" ON "SearchChunk"("workspaceId", "documentId");

-- CreateIndex
CREATE INDEX "SearchChunk_versionId_idx" ON "SearchChunk"("versionId");

-- CreateIndex
CREATE INDEX "SearchChunk_grams_idx" ON "SearchChunk" USING GIN ("grams");

-- CreateIndex
CREATE INDEX "SearchChunk_workspaceId_docAt_documentId_kindOrder_sourceSt_idx" ON "SearchChunk"("workspaceId", "docAt", "documentId", "kindOrder", "sourceStart", "id");

-- AddForeignKey
ALTER TABLE "SearchChunk" ADD CONSTRAINT "SearchChunk_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchChunk" ADD CONSTRAINT "SearchChunk_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchChunk" ADD CONSTRAINT "SearchChunk_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchChunk" ADD CONSTRAINT "SearchChunk_workspaceId_annotationId_fkey" FOREIGN KEY ("workspaceId", "annotationId") REFERENCES "Annotation"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchChunk" ADD CONSTRAINT "SearchChunk_workspaceId_replyId_fkey" FOREIGN KEY ("workspaceId", "replyId") REFERENCES "Reply"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchIndexState" ADD CONSTRAINT "SearchIndexState_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
