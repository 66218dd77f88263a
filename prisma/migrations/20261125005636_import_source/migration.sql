-- AlterTable
ALTER TABLE "DocumentVersion" ADD COLUMN     "offsetMap" JSONB,
ADD COLUMN     "rawText" TEXT;
