-- Monitoring (Sqlite). Written by scripts/new-migration.py; see ADR 0004.

CREATE TABLE "Alerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Alerts" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Severity" TEXT NOT NULL,
    "QueueId" INTEGER NULL,
    "WindowId" INTEGER NULL,
    "Value" REAL NOT NULL,
    "Threshold" REAL NOT NULL,
    "RaisedAt" INTEGER NOT NULL,
    "LastSeenAt" INTEGER NOT NULL,
    "ResolvedAt" INTEGER NULL,
    "AcknowledgedAt" INTEGER NULL,
    "AcknowledgedBy" TEXT NULL,
    "Note" TEXT NULL
);

CREATE TABLE "QueueThresholds" (
    "QueueId" INTEGER NOT NULL CONSTRAINT "PK_QueueThresholds" PRIMARY KEY,
    "WaitingYellow" INTEGER NULL,
    "WaitingRed" INTEGER NULL,
    "LongestWaitYellowFactor" REAL NULL,
    "LongestWaitRedFactor" REAL NULL,
    CONSTRAINT "FK_QueueThresholds_ServiceQueues_QueueId" FOREIGN KEY ("QueueId") REFERENCES "ServiceQueues" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Alerts_Key_ResolvedAt" ON "Alerts" ("Key", "ResolvedAt");

CREATE INDEX "IX_Alerts_RaisedAt" ON "Alerts" ("RaisedAt");
