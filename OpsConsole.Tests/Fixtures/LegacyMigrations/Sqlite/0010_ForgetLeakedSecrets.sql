-- Secrets that earlier versions wrote into the audit log (ADR 0014): the data-protection key
-- ring in clear, device token hashes and the hashes of ID numbers. The leaked key ring is
-- retired: its keys are deleted, so a new one is made at start-up and every cookie signed with
-- the old keys is refused (staff sign in again; devices keep their tokens).
DELETE FROM "AuditLog" WHERE "EntityType" = 'DataProtectionKey';

DELETE FROM "DataProtectionKeys";

UPDATE "AuditLog" SET "Details" = json_set("Details", '$.TokenHash', '***')
WHERE "EntityType" = 'Device' AND json_valid("Details") AND json_type("Details", '$.TokenHash') IS NOT NULL;

UPDATE "AuditLog" SET "Details" = json_set("Details", '$.IdNumberHash', '***')
WHERE "EntityType" = 'Ticket' AND json_valid("Details") AND json_type("Details", '$.IdNumberHash') NOT IN ('null');

UPDATE "AuditLog" SET "Details" = json_set("Details", '$.PersonHash', '***')
WHERE "EntityType" = 'Appointment' AND json_valid("Details") AND json_type("Details", '$.PersonHash') IS NOT NULL;
