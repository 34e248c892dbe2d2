-- Attendance (Sqlite). Written by scripts/new-migration.py; see ADR 0004.

CREATE TABLE "AttendanceRuleSets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AttendanceRuleSets" PRIMARY KEY AUTOINCREMENT,
    "Version" INTEGER NOT NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Rules_EarlyMajorMaxMinutes" INTEGER NOT NULL,
    "Rules_EarlyMajorPoints" TEXT NOT NULL,
    "Rules_EarlyMinorMaxMinutes" INTEGER NOT NULL,
    "Rules_EarlyMinorPoints" TEXT NOT NULL,
    "Rules_HalfDayAbsencePoints" TEXT NOT NULL,
    "Rules_LateMajorMaxMinutes" INTEGER NOT NULL,
    "Rules_LateMajorPoints" TEXT NOT NULL,
    "Rules_LateMinorMaxMinutes" INTEGER NOT NULL,
    "Rules_LateMinorPoints" TEXT NOT NULL,
    "Rules_MakeUpRequestsPerMonth" INTEGER NOT NULL,
    "Rules_MissingPunchPoints" TEXT NOT NULL,
    "Rules_MonthlyDeductionCap" TEXT NULL
);

CREATE TABLE "CalendarEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CalendarEntries" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "PunchImports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PunchImports" PRIMARY KEY AUTOINCREMENT,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "Encoding" TEXT NOT NULL,
    "ImportedAt" INTEGER NOT NULL,
    "ImportedBy" TEXT NOT NULL,
    "TotalRows" INTEGER NOT NULL,
    "Imported" INTEGER NOT NULL,
    "OutsideWindows" INTEGER NOT NULL,
    "Duplicates" INTEGER NOT NULL,
    "Rejected" INTEGER NOT NULL
);

CREATE TABLE "WorkSchedules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkSchedules" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "DepartmentId" INTEGER NULL,
    "Season_StartMonth" INTEGER NULL,
    "Season_StartDay" INTEGER NULL,
    "Season_EndMonth" INTEGER NULL,
    "Season_EndDay" INTEGER NULL,
    "AfternoonIn_AcceptFrom" TEXT NOT NULL,
    "AfternoonIn_AcceptTo" TEXT NOT NULL,
    "AfternoonIn_OnTime" TEXT NOT NULL,
    "AfternoonOut_AcceptFrom" TEXT NOT NULL,
    "AfternoonOut_AcceptTo" TEXT NOT NULL,
    "AfternoonOut_OnTime" TEXT NOT NULL,
    "MorningIn_AcceptFrom" TEXT NOT NULL,
    "MorningIn_AcceptTo" TEXT NOT NULL,
    "MorningIn_OnTime" TEXT NOT NULL,
    "MorningOut_AcceptFrom" TEXT NOT NULL,
    "MorningOut_AcceptTo" TEXT NOT NULL,
    "MorningOut_OnTime" TEXT NOT NULL,
    CONSTRAINT "FK_WorkSchedules_Departments_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "Departments" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LeaveRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LeaveRecords" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Period_EndDate" TEXT NOT NULL,
    "Period_EndHalf" TEXT NOT NULL,
    "Period_StartDate" TEXT NOT NULL,
    "Period_StartHalf" TEXT NOT NULL,
    "StaffId" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedBy" INTEGER NULL,
    "DecidedAt" TEXT NULL,
    "RefusalReason" TEXT NULL,
    CONSTRAINT "FK_LeaveRecords_Staff_StaffId" FOREIGN KEY ("StaffId") REFERENCES "Staff" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MakeUpPunchRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MakeUpPunchRequests" PRIMARY KEY AUTOINCREMENT,
    "Date" TEXT NOT NULL,
    "Slot" TEXT NOT NULL,
    "StaffId" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedBy" INTEGER NULL,
    "DecidedAt" TEXT NULL,
    "RefusalReason" TEXT NULL,
    CONSTRAINT "FK_MakeUpPunchRequests_Staff_StaffId" FOREIGN KEY ("StaffId") REFERENCES "Staff" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "OfficialAbsences" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OfficialAbsences" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Period_EndDate" TEXT NOT NULL,
    "Period_EndHalf" TEXT NOT NULL,
    "Period_StartDate" TEXT NOT NULL,
    "Period_StartHalf" TEXT NOT NULL,
    "StaffId" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedBy" INTEGER NULL,
    "DecidedAt" TEXT NULL,
    "RefusalReason" TEXT NULL,
    CONSTRAINT "FK_OfficialAbsences_Staff_StaffId" FOREIGN KEY ("StaffId") REFERENCES "Staff" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Punches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Punches" PRIMARY KEY AUTOINCREMENT,
    "StaffId" INTEGER NOT NULL,
    "Time" TEXT NOT NULL,
    "TerminalId" TEXT NOT NULL,
    "TerminalEventId" TEXT NULL,
    "Method" TEXT NOT NULL,
    CONSTRAINT "FK_Punches_Staff_StaffId" FOREIGN KEY ("StaffId") REFERENCES "Staff" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RawPunches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RawPunches" PRIMARY KEY AUTOINCREMENT,
    "Channel" TEXT NOT NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "DeviceId" INTEGER NULL,
    "ImportId" INTEGER NULL,
    "RowNumber" INTEGER NULL,
    "TerminalId" TEXT NOT NULL,
    "TerminalEventId" TEXT NULL,
    "EmployeeNo" TEXT NOT NULL,
    "StaffName" TEXT NOT NULL,
    "TimeText" TEXT NOT NULL,
    "MethodText" TEXT NOT NULL,
    "RawText" TEXT NOT NULL,
    "Time" TEXT NULL,
    "StaffId" INTEGER NULL,
    "PunchId" INTEGER NULL,
    "Outcome" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    CONSTRAINT "FK_RawPunches_Devices_DeviceId" FOREIGN KEY ("DeviceId") REFERENCES "Devices" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RawPunches_PunchImports_ImportId" FOREIGN KEY ("ImportId") REFERENCES "PunchImports" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RawPunches_Punches_PunchId" FOREIGN KEY ("PunchId") REFERENCES "Punches" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_AttendanceRuleSets_Version" ON "AttendanceRuleSets" ("Version");

CREATE UNIQUE INDEX "IX_CalendarEntries_Date" ON "CalendarEntries" ("Date");

CREATE INDEX "IX_LeaveRecords_StaffId_Status" ON "LeaveRecords" ("StaffId", "Status");

CREATE INDEX "IX_MakeUpPunchRequests_StaffId_Date" ON "MakeUpPunchRequests" ("StaffId", "Date");

CREATE INDEX "IX_MakeUpPunchRequests_StaffId_Status" ON "MakeUpPunchRequests" ("StaffId", "Status");

CREATE INDEX "IX_OfficialAbsences_StaffId_Status" ON "OfficialAbsences" ("StaffId", "Status");

CREATE UNIQUE INDEX "IX_Punches_StaffId_Time" ON "Punches" ("StaffId", "Time");

CREATE UNIQUE INDEX "IX_Punches_TerminalId_TerminalEventId" ON "Punches" ("TerminalId", "TerminalEventId");

CREATE INDEX "IX_PunchImports_ImportedAt" ON "PunchImports" ("ImportedAt");

CREATE INDEX "IX_PunchImports_Sha256" ON "PunchImports" ("Sha256");

CREATE INDEX "IX_RawPunches_DeviceId" ON "RawPunches" ("DeviceId");

CREATE INDEX "IX_RawPunches_ImportId_RowNumber" ON "RawPunches" ("ImportId", "RowNumber");

CREATE INDEX "IX_RawPunches_PunchId" ON "RawPunches" ("PunchId");

CREATE INDEX "IX_RawPunches_ReceivedAt" ON "RawPunches" ("ReceivedAt");

CREATE INDEX "IX_WorkSchedules_DepartmentId" ON "WorkSchedules" ("DepartmentId");
