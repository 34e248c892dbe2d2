ALTER TABLE "ServiceQueues" ALTER COLUMN "Prefix" TYPE character varying(2);

ALTER TABLE "Tickets" ALTER COLUMN "Prefix" TYPE character varying(2);
