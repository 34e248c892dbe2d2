ALTER TABLE "WorkSchedules" ADD "ValidFrom" TEXT NULL;
ALTER TABLE "WorkSchedules" ADD "ValidUntil" TEXT NULL;
