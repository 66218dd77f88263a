-- AlterTable (hand-edited: "action" is renamed to "kind" so existing events survive; the
-- accepted invitation becomes "member.join" and document events name their document.)
ALTER TABLE "ActivityEvent" RENAME COLUMN "action" TO "kind";
ALTER TABLE "ActivityEvent" ADD COLUMN     "annotationId" TEXT,
ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "documentId" TEXT,
ADD COLUMN     "key" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "ActivityEvent" SET "kind" = 'member.join' WHERE "kind" = 'invitation.accept';
UPDATE "ActivityEvent" SET "documentId" = "targetId" WHERE "targetType" = 'document';
UPDATE "ActivityEvent" SET "updatedAt" = "createdAt";

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "activitySeenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestSentAt" TIMESTAMP(3),
ADD COLUMN     "emailMode" TEXT NOT NULL DEFAULT 'digest';

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "documentId" TEXT,
    "annotationId" TEXT,
    "activityId" BIGINT,
    "key" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_emailedAt_userId_idx" ON "Notification"("emailedAt", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_key_key" ON "Notification"("userId", "key");

-- CreateIndex
CREATE INDEX "ActivityEvent_workspaceId_id_idx" ON "ActivityEvent"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "ActivityEvent_workspaceId_annotationId_idx" ON "ActivityEvent"("workspaceId", "annotationId");

-- CreateIndex
CREATE INDEX "ActivityEvent_workspaceId_documentId_id_idx" ON "ActivityEvent"("workspaceId", "documentId", "id");

-- CreateIndex
CREATE INDEX "ActivityEvent_workspaceId_actorId_id_idx" ON "ActivityEvent"("workspaceId", "actorId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityEvent_workspaceId_key_key" ON "ActivityEvent"("workspaceId", "key");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ActivityEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
