-- Devices (Sqlite). Written by scripts/new-migration.py; see ADR 0004.

CREATE TABLE "Devices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Devices" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "TokenHint" TEXT NOT NULL,
    "WindowId" INTEGER NULL,
    "TerminalId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastSeenAt" INTEGER NULL,
    "RevokedAt" INTEGER NULL,
    CONSTRAINT "FK_Devices_Windows_WindowId" FOREIGN KEY ("WindowId") REFERENCES "Windows" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Devices_Name" ON "Devices" ("Name");

CREATE UNIQUE INDEX "IX_Devices_TokenHash" ON "Devices" ("TokenHash");

CREATE INDEX "IX_Devices_WindowId" ON "Devices" ("WindowId");
