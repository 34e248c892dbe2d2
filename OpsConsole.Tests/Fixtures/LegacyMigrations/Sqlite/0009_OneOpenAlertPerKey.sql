-- OneOpenAlertPerKey: two nodes could raise the same alert twice (issue 15). Duplicates already open are
-- resolved first, keeping the oldest, so the unique index can be built. Hand-written; see ADR 0004.

UPDATE "Alerts" SET "ResolvedAt" = "LastSeenAt"
WHERE "ResolvedAt" IS NULL
  AND EXISTS (SELECT 1 FROM "Alerts" AS "Older" WHERE "Older"."Key" = "Alerts"."Key" AND "Older"."ResolvedAt" IS NULL AND "Older"."Id" < "Alerts"."Id");

DROP INDEX "IX_Alerts_Key_ResolvedAt";

CREATE UNIQUE INDEX "IX_Alerts_Key_Open" ON "Alerts" ("Key") WHERE "ResolvedAt" IS NULL;
