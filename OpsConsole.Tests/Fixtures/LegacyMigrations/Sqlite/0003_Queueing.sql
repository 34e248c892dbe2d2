-- Queueing (Sqlite). Written by scripts/new-migration.py; see ADR 0004.

CREATE TABLE "ServiceQueues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceQueues" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "TargetWait" TEXT NOT NULL,
    "DailyCap" INTEGER NULL,
    "IsIssuing" INTEGER NOT NULL,
    "IssuingStoppedReason" TEXT NULL,
    "OpeningHours" TEXT NOT NULL
);

CREATE TABLE "AppointmentSlots" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AppointmentSlots" PRIMARY KEY AUTOINCREMENT,
    "QueueId" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "BookedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AppointmentSlots_ServiceQueues_QueueId" FOREIGN KEY ("QueueId") REFERENCES "ServiceQueues" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TicketCounters" (
    "QueueId" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "LastSequence" INTEGER NOT NULL,
    CONSTRAINT "PK_TicketCounters" PRIMARY KEY ("QueueId", "Day"),
    CONSTRAINT "FK_TicketCounters_ServiceQueues_QueueId" FOREIGN KEY ("QueueId") REFERENCES "ServiceQueues" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Appointments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Appointments" PRIMARY KEY AUTOINCREMENT,
    "BookingCode" TEXT NOT NULL,
    "PersonHash" TEXT NOT NULL,
    "SlotId" INTEGER NOT NULL,
    "QueueId" INTEGER NOT NULL,
    "Day" TEXT NOT NULL,
    "SlotStart" TEXT NOT NULL,
    "SlotEnd" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "BookedAt" INTEGER NOT NULL,
    "CheckedInAt" INTEGER NULL,
    "NoShowAt" INTEGER NULL,
    "CancelledAt" INTEGER NULL,
    CONSTRAINT "FK_Appointments_AppointmentSlots_SlotId" FOREIGN KEY ("SlotId") REFERENCES "AppointmentSlots" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ServiceQueueItems" (
    "ServiceQueueId" INTEGER NOT NULL,
    "ServiceItemId" INTEGER NOT NULL,
    CONSTRAINT "PK_ServiceQueueItems" PRIMARY KEY ("ServiceQueueId", "ServiceItemId"),
    CONSTRAINT "FK_ServiceQueueItems_ServiceItems_ServiceItemId" FOREIGN KEY ("ServiceItemId") REFERENCES "ServiceItems" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ServiceQueueItems_ServiceQueues_ServiceQueueId" FOREIGN KEY ("ServiceQueueId") REFERENCES "ServiceQueues" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Tickets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tickets" PRIMARY KEY AUTOINCREMENT,
    "QueueId" INTEGER NOT NULL,
    "IssuedQueueId" INTEGER NOT NULL,
    "ServiceDay" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "Priority" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "PublicCode" TEXT NOT NULL,
    "IdNumberHash" TEXT NULL,
    "AppointmentId" INTEGER NULL,
    "SortTime" INTEGER NOT NULL,
    "TargetWindowId" INTEGER NULL,
    "WindowId" INTEGER NULL,
    "StaffId" INTEGER NULL,
    "RecallCount" INTEGER NOT NULL,
    "IssuedAt" INTEGER NOT NULL,
    "FirstCalledAt" INTEGER NULL,
    "CalledAt" INTEGER NULL,
    "LastCalledAt" INTEGER NULL,
    "ServiceStartedAt" INTEGER NULL,
    "CompletedAt" INTEGER NULL,
    "NoShowAt" INTEGER NULL,
    "ReinstatedAt" INTEGER NULL,
    "ParkedAt" INTEGER NULL,
    "ParkedDuration" TEXT NOT NULL,
    "TransferredAt" INTEGER NULL,
    "CancelledAt" INTEGER NULL,
    "CancelReason" TEXT NULL,
    "ClosedAtEndOfDay" INTEGER NOT NULL,
    "LastChangedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Tickets_ServiceQueues_IssuedQueueId" FOREIGN KEY ("IssuedQueueId") REFERENCES "ServiceQueues" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Tickets_ServiceQueues_QueueId" FOREIGN KEY ("QueueId") REFERENCES "ServiceQueues" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Tickets_Staff_StaffId" FOREIGN KEY ("StaffId") REFERENCES "Staff" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Tickets_Windows_TargetWindowId" FOREIGN KEY ("TargetWindowId") REFERENCES "Windows" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Tickets_Windows_WindowId" FOREIGN KEY ("WindowId") REFERENCES "Windows" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WindowQueueRoutes" (
    "WindowId" INTEGER NOT NULL,
    "QueueId" INTEGER NOT NULL,
    "Precedence" INTEGER NOT NULL,
    CONSTRAINT "PK_WindowQueueRoutes" PRIMARY KEY ("WindowId", "QueueId"),
    CONSTRAINT "FK_WindowQueueRoutes_ServiceQueues_QueueId" FOREIGN KEY ("QueueId") REFERENCES "ServiceQueues" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_WindowQueueRoutes_Windows_WindowId" FOREIGN KEY ("WindowId") REFERENCES "Windows" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WindowSessions" (
    "WindowId" INTEGER NOT NULL CONSTRAINT "PK_WindowSessions" PRIMARY KEY,
    "StaffId" INTEGER NULL,
    "State" TEXT NOT NULL,
    "StateSince" INTEGER NOT NULL,
    "PauseReason" TEXT NULL,
    "PauseNote" TEXT NULL,
    "CurrentTicketId" INTEGER NULL,
    "SignedInAt" INTEGER NULL,
    CONSTRAINT "FK_WindowSessions_Staff_StaffId" FOREIGN KEY ("StaffId") REFERENCES "Staff" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WindowSessions_Windows_WindowId" FOREIGN KEY ("WindowId") REFERENCES "Windows" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Evaluations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Evaluations" PRIMARY KEY AUTOINCREMENT,
    "TicketId" INTEGER NOT NULL,
    "WindowId" INTEGER NOT NULL,
    "StaffId" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "EvaluatedAt" INTEGER NOT NULL,
    "Reasons" TEXT NOT NULL,
    CONSTRAINT "FK_Evaluations_Tickets_TicketId" FOREIGN KEY ("TicketId") REFERENCES "Tickets" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TicketTransfers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TicketTransfers" PRIMARY KEY AUTOINCREMENT,
    "TicketId" INTEGER NOT NULL,
    "FromQueueId" INTEGER NOT NULL,
    "FromWindowId" INTEGER NOT NULL,
    "FromStaffId" INTEGER NOT NULL,
    "CalledAt" INTEGER NOT NULL,
    "ServiceStartedAt" INTEGER NULL,
    "ToQueueId" INTEGER NOT NULL,
    "ToWindowId" INTEGER NULL,
    "TransferredAt" INTEGER NOT NULL,
    CONSTRAINT "FK_TicketTransfers_Tickets_TicketId" FOREIGN KEY ("TicketId") REFERENCES "Tickets" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Rectifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Rectifications" PRIMARY KEY AUTOINCREMENT,
    "EvaluationId" INTEGER NOT NULL,
    "TicketId" INTEGER NOT NULL,
    "WindowId" INTEGER NOT NULL,
    "StaffId" INTEGER NOT NULL,
    "OpenedAt" INTEGER NOT NULL,
    "Deadline" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "ClosedAt" INTEGER NULL,
    CONSTRAINT "FK_Rectifications_Evaluations_EvaluationId" FOREIGN KEY ("EvaluationId") REFERENCES "Evaluations" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Appointments_BookingCode" ON "Appointments" ("BookingCode");

CREATE INDEX "IX_Appointments_PersonHash_Day" ON "Appointments" ("PersonHash", "Day");

CREATE INDEX "IX_Appointments_SlotId" ON "Appointments" ("SlotId");

CREATE UNIQUE INDEX "IX_AppointmentSlots_QueueId_Day_Start" ON "AppointmentSlots" ("QueueId", "Day", "Start");

CREATE INDEX "IX_Evaluations_StaffId_EvaluatedAt" ON "Evaluations" ("StaffId", "EvaluatedAt");

CREATE UNIQUE INDEX "IX_Evaluations_TicketId" ON "Evaluations" ("TicketId");

CREATE UNIQUE INDEX "IX_Rectifications_EvaluationId" ON "Rectifications" ("EvaluationId");

CREATE INDEX "IX_Rectifications_State_Deadline" ON "Rectifications" ("State", "Deadline");

CREATE INDEX "IX_ServiceQueueItems_ServiceItemId" ON "ServiceQueueItems" ("ServiceItemId");

CREATE UNIQUE INDEX "IX_ServiceQueues_Code" ON "ServiceQueues" ("Code");

CREATE UNIQUE INDEX "IX_ServiceQueues_Prefix" ON "ServiceQueues" ("Prefix");

CREATE UNIQUE INDEX "IX_Tickets_IssuedQueueId_ServiceDay_Sequence" ON "Tickets" ("IssuedQueueId", "ServiceDay", "Sequence");

CREATE UNIQUE INDEX "IX_Tickets_PublicCode" ON "Tickets" ("PublicCode");

CREATE INDEX "IX_Tickets_QueueId" ON "Tickets" ("QueueId");

CREATE INDEX "IX_Tickets_ServiceDay_State_QueueId" ON "Tickets" ("ServiceDay", "State", "QueueId");

CREATE INDEX "IX_Tickets_ServiceDay_WindowId" ON "Tickets" ("ServiceDay", "WindowId");

CREATE INDEX "IX_Tickets_StaffId" ON "Tickets" ("StaffId");

CREATE INDEX "IX_Tickets_TargetWindowId" ON "Tickets" ("TargetWindowId");

CREATE INDEX "IX_Tickets_WindowId" ON "Tickets" ("WindowId");

CREATE INDEX "IX_TicketTransfers_TicketId" ON "TicketTransfers" ("TicketId");

CREATE INDEX "IX_WindowQueueRoutes_QueueId" ON "WindowQueueRoutes" ("QueueId");

CREATE UNIQUE INDEX "IX_WindowSessions_StaffId" ON "WindowSessions" ("StaffId");
