-- WindowSessionRevision (Postgres). Hand-written (ADR 0004): a concurrency token on the window's session.

ALTER TABLE "WindowSessions" ADD "Revision" integer NOT NULL DEFAULT 0;

ALTER TABLE "WindowSessions" ALTER COLUMN "Revision" DROP DEFAULT;
