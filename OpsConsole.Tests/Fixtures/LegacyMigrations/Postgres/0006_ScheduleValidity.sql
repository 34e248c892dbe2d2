ALTER TABLE "WorkSchedules" ADD "ValidFrom" date;
ALTER TABLE "WorkSchedules" ADD "ValidUntil" date;
