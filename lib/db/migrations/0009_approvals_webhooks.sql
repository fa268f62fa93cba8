CREATE TABLE "expiring_card_notices" (
	"account_code" text NOT NULL,
	"card_uuid" text NOT NULL,
	"month" text NOT NULL,
	"card_brand" text,
	"card_last4" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fenerum_webhook_events" (
	"event_key" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"account_code" text,
	"subject" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_approvals" (
	"payment_intent_id" text PRIMARY KEY NOT NULL,
	"account_code" text NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "expiring_card_notices_uq" ON "expiring_card_notices" USING btree ("account_code","card_uuid","month");--> statement-breakpoint
CREATE INDEX "fenerum_webhook_events_account_idx" ON "fenerum_webhook_events" USING btree ("account_code","received_at");--> statement-breakpoint
CREATE INDEX "fenerum_webhook_events_status_idx" ON "fenerum_webhook_events" USING btree ("status");--> statement-breakpoint
CREATE INDEX "payment_approvals_account_idx" ON "payment_approvals" USING btree ("account_code","status");