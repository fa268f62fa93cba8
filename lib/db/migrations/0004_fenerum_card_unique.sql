-- Before one Fenerum card could belong to only one registration, two uncertain attempts could
-- adopt the same lookalike card. Such later holders go back to the queue, uncertain, so the
-- worker looks again (adopting a card no registration holds, or making one), and nothing is lost.
UPDATE "registrations" AS r SET
  "status" = 'queued', "fenerum_card_uuid" = NULL, "uncertain" = true, "lease_until" = NULL,
  "next_attempt_at" = now(), "updated_at" = now(),
  "last_error" = 'shared a Fenerum card with another registration; looking again'
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "fenerum_card_uuid" ORDER BY "updated_at", "id") AS n
  FROM "registrations" WHERE "fenerum_card_uuid" IS NOT NULL
) AS d
WHERE r."id" = d."id" AND d.n > 1;--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_fenerum_card_uq" ON "registrations" USING btree ("fenerum_card_uuid");
