-- CreateTable
CREATE TABLE "CollabUpdate" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollabUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Annotation" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "collabName" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "colour" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "noteText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "AnnotationTheme" (
    "workspaceId" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,

    CONSTRAINT "AnnotationTheme_pkey" PRIMARY KEY ("workspaceId","annotationId","themeId")
);

-- CreateTable
CREATE TABLE "Reply" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "collabName" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "Reply_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Theme" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "colour" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Link" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "fromKind" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toKind" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Link_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "ProjectionFlag" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "collabName" TEXT NOT NULL,
    "entryKind" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectionFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CollabUpdate_name_id_idx" ON "CollabUpdate"("name", "id");

-- CreateIndex
CREATE INDEX "Annotation_collabName_idx" ON "Annotation"("collabName");

-- CreateIndex
CREATE INDEX "Annotation_documentId_idx" ON "Annotation"("documentId");

-- CreateIndex
CREATE INDEX "AnnotationTheme_workspaceId_themeId_idx" ON "AnnotationTheme"("workspaceId", "themeId");

-- CreateIndex
CREATE INDEX "Reply_collabName_idx" ON "Reply"("collabName");

-- CreateIndex
CREATE INDEX "Reply_workspaceId_annotationId_idx" ON "Reply"("workspaceId", "annotationId");

-- CreateIndex
CREATE INDEX "Link_workspaceId_fromId_idx" ON "Link"("workspaceId", "fromId");

-- CreateIndex
CREATE INDEX "Link_workspaceId_toId_idx" ON "Link"("workspaceId", "toId");

-- CreateIndex
CREATE INDEX "ProjectionFlag_collabName_idx" ON "ProjectionFlag"("collabName");

-- CreateIndex
CREATE INDEX "ProjectionFlag_workspaceId_idx" ON "ProjectionFlag"("workspaceId");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationTheme" ADD CONSTRAINT "AnnotationTheme_workspaceId_annotationId_fkey" FOREIGN KEY ("workspaceId", "annotationId") REFERENCES "Annotation"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reply" ADD CONSTRAINT "Reply_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Link" ADD CONSTRAINT "Link_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
