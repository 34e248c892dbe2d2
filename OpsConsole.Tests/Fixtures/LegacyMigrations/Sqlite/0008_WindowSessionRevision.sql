-- WindowSessionRevision (Sqlite). Hand-written (ADR 0004): a concurrency token on the window's session.

ALTER TABLE "WindowSessions" ADD "Revision" INTEGER NOT NULL DEFAULT 0;
