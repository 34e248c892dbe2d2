-- Secrets that earlier versions wrote into the audit log (ADR 0014): the data-protection key
-- ring in clear, device token hashes and the hashes of ID numbers. The leaked key ring is
-- retired: its keys are deleted, so a new one is made at start-up and every cookie signed with
-- the old keys is refused (staff sign in again; devices keep their tokens).
DELETE FROM "AuditLog" WHERE "EntityType" = 'DataProtectionKey';

DELETE FROM "DataProtectionKeys";

UPDATE "AuditLog" SET "Details" = jsonb_set("Details"::jsonb, '{TokenHash}', '"***"')::text
WHERE "EntityType" = 'Device' AND jsonb_exists("Details"::jsonb, 'TokenHash');

UPDATE "AuditLog" SET "Details" = jsonb_set("Details"::jsonb, '{IdNumberHash}', '"***"')::text
WHERE "EntityType" = 'Ticket' AND jsonb_typeof("Details"::jsonb -> 'IdNumberHash') NOT IN ('null');

UPDATE "AuditLog" SET "Details" = jsonb_set("Details"::jsonb, '{PersonHash}', '"***"')::text
WHERE "EntityType" = 'Appointment' AND jsonb_exists("Details"::jsonb, 'PersonHash');
