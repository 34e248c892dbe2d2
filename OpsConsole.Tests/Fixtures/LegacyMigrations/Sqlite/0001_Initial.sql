-- Initial schema (SQLite): catalog, staff, accounts, audit log, data-protection keys. Checked in; see ADR 0004.

CREATE TABLE "AuditLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditLog" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Details" TEXT NOT NULL
);


CREATE TABLE "Centers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Centers" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "ComplaintPhone" TEXT NOT NULL,
    "OpeningHours" TEXT NOT NULL,
    "Website" TEXT NOT NULL
);


CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NOT NULL,
    "Xml" TEXT NOT NULL
);


CREATE TABLE "Floors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Floors" PRIMARY KEY AUTOINCREMENT,
    "Level" INTEGER NOT NULL,
    "Name" TEXT NOT NULL
);


CREATE TABLE "Zones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Zones" PRIMARY KEY AUTOINCREMENT,
    "FloorId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "FK_Zones_Floors_FloorId" FOREIGN KEY ("FloorId") REFERENCES "Floors" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Departments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Departments" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "ZoneId" INTEGER NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_Departments_Zones_ZoneId" FOREIGN KEY ("ZoneId") REFERENCES "Zones" ("Id") ON DELETE SET NULL
);


CREATE TABLE "ServiceItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceItems" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "DepartmentId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Basis" TEXT NOT NULL,
    "Conditions" TEXT NOT NULL,
    "StatutoryLimitDays" INTEGER NOT NULL,
    "PromisedLimitDays" INTEGER NOT NULL,
    "Fees" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Hours" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "ComplaintChannel" TEXT NOT NULL,
    "VisitsNeeded" INTEGER NOT NULL,
    "OnlineUrl" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    CONSTRAINT "FK_ServiceItems_Departments_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "Departments" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Staff" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Staff" PRIMARY KEY AUTOINCREMENT,
    "EmployeeNo" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "DepartmentId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "PhotoUrl" TEXT NOT NULL,
    "IsChiefRepresentative" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL,
    CONSTRAINT "FK_Staff_Departments_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "Departments" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Windows" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Windows" PRIMARY KEY AUTOINCREMENT,
    "Number" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "ZoneId" INTEGER NOT NULL,
    "DepartmentId" INTEGER NULL,
    "Active" INTEGER NOT NULL,
    CONSTRAINT "FK_Windows_Departments_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "Departments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Windows_Zones_ZoneId" FOREIGN KEY ("ZoneId") REFERENCES "Zones" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "ServiceItemMaterials" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceItemMaterials" PRIMARY KEY AUTOINCREMENT,
    "Order" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Form" TEXT NOT NULL,
    "Copies" INTEGER NOT NULL,
    "Note" TEXT NOT NULL,
    "ServiceItemId" INTEGER NOT NULL,
    CONSTRAINT "FK_ServiceItemMaterials_ServiceItems_ServiceItemId" FOREIGN KEY ("ServiceItemId") REFERENCES "ServiceItems" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ServiceItemProcessSteps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceItemProcessSteps" PRIMARY KEY AUTOINCREMENT,
    "Order" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "ServiceItemId" INTEGER NOT NULL,
    CONSTRAINT "FK_ServiceItemProcessSteps_ServiceItems_ServiceItemId" FOREIGN KEY ("ServiceItemId") REFERENCES "ServiceItems" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Users" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT NOT NULL,
    "NormalizedUserName" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "StaffId" INTEGER NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    CONSTRAINT "FK_Users_Staff_StaffId" FOREIGN KEY ("StaffId") REFERENCES "Staff" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "UserRoles" (
    "UserId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    CONSTRAINT "PK_UserRoles" PRIMARY KEY ("UserId", "Role"),
    CONSTRAINT "FK_UserRoles_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AuditLog_At" ON "AuditLog" ("At");


CREATE INDEX "IX_AuditLog_EntityType_EntityId" ON "AuditLog" ("EntityType", "EntityId");


CREATE UNIQUE INDEX "IX_Departments_Code" ON "Departments" ("Code");


CREATE UNIQUE INDEX "IX_Departments_Name" ON "Departments" ("Name");


CREATE INDEX "IX_Departments_ZoneId" ON "Departments" ("ZoneId");


CREATE UNIQUE INDEX "IX_Floors_Level" ON "Floors" ("Level");


CREATE INDEX "IX_ServiceItemMaterials_ServiceItemId" ON "ServiceItemMaterials" ("ServiceItemId");


CREATE INDEX "IX_ServiceItemProcessSteps_ServiceItemId" ON "ServiceItemProcessSteps" ("ServiceItemId");


CREATE UNIQUE INDEX "IX_ServiceItems_Code" ON "ServiceItems" ("Code");


CREATE INDEX "IX_ServiceItems_DepartmentId" ON "ServiceItems" ("DepartmentId");


CREATE INDEX "IX_Staff_DepartmentId" ON "Staff" ("DepartmentId");


CREATE UNIQUE INDEX "IX_Staff_EmployeeNo" ON "Staff" ("EmployeeNo");


CREATE UNIQUE INDEX "IX_Users_NormalizedUserName" ON "Users" ("NormalizedUserName");


CREATE UNIQUE INDEX "IX_Users_StaffId" ON "Users" ("StaffId");


CREATE INDEX "IX_Windows_DepartmentId" ON "Windows" ("DepartmentId");


CREATE UNIQUE INDEX "IX_Windows_Number" ON "Windows" ("Number");


CREATE INDEX "IX_Windows_ZoneId" ON "Windows" ("ZoneId");


CREATE UNIQUE INDEX "IX_Zones_Code" ON "Zones" ("Code");


CREATE INDEX "IX_Zones_FloorId" ON "Zones" ("FloorId");



