-- The theme hierarchy in the relational projection (issue #6). Existing rows get NULL parents
-- until their workspace document is next stored, or at once with npm run collab:rebuild-projection.

-- AlterTable
ALTER TABLE "Theme" ADD COLUMN     "parentId" TEXT,
ADD COLUMN     "position" DOUBLE PRECISION;

-- CreateIndex
CREATE INDEX "Theme_workspaceId_parentId_idx" ON "Theme"("workspaceId", "parentId");

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_workspaceId_parentId_fkey" FOREIGN KEY ("workspaceId", "parentId") REFERENCES "Theme"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
