-- Roster (Sqlite). Written by scripts/new-migration.py; see ADR 0004.

CREATE TABLE "StaffSkills" (
    "StaffId" INTEGER NOT NULL,
    "ServiceItemId" INTEGER NOT NULL,
    CONSTRAINT "PK_StaffSkills" PRIMARY KEY ("StaffId", "ServiceItemId"),
    CONSTRAINT "FK_StaffSkills_ServiceItems_ServiceItemId" FOREIGN KEY ("ServiceItemId") REFERENCES "ServiceItems" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_StaffSkills_Staff_StaffId" FOREIGN KEY ("StaffId") REFERENCES "Staff" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RosterEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RosterEntries" PRIMARY KEY AUTOINCREMENT,
    "Day" TEXT NOT NULL,
    "HalfDay" TEXT NOT NULL,
    "WindowId" INTEGER NOT NULL,
    "StaffId" INTEGER NOT NULL,
    CONSTRAINT "FK_RosterEntries_Staff_StaffId" FOREIGN KEY ("StaffId") REFERENCES "Staff" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RosterEntries_Windows_WindowId" FOREIGN KEY ("WindowId") REFERENCES "Windows" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_RosterEntries_Day_HalfDay_WindowId" ON "RosterEntries" ("Day", "HalfDay", "WindowId");

CREATE INDEX "IX_RosterEntries_StaffId_Day" ON "RosterEntries" ("StaffId", "Day");

CREATE INDEX "IX_RosterEntries_WindowId" ON "RosterEntries" ("WindowId");

CREATE INDEX "IX_StaffSkills_ServiceItemId" ON "StaffSkills" ("ServiceItemId");
