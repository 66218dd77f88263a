-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "result" JSONB,
ADD COLUMN     "versionId" TEXT;

-- CreateTable
CREATE TABLE "AnnotationPlacement" (
    "workspaceId" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    "quote" TEXT,
    "score" DOUBLE PRECISION,
    "anchorKey" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnotationPlacement_pkey" PRIMARY KEY ("workspaceId","annotationId","versionId")
);

-- CreateIndex
CREATE INDEX "AnnotationPlacement_versionId_status_idx" ON "AnnotationPlacement"("versionId", "status");

-- AddForeignKey
ALTER TABLE "AnnotationPlacement" ADD CONSTRAINT "AnnotationPlacement_workspaceId_annotationId_fkey" FOREIGN KEY ("workspaceId", "annotationId") REFERENCES "Annotation"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationPlacement" ADD CONSTRAINT "AnnotationPlacement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
