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
CREATE TABLE "mail_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"event_key" text NOT NULL,
	"recipient" text NOT NULL,
	"kind" text NOT NULL,
	"account_code" text NOT NULL,
	"locale" text NOT NULL,
	"link_id" text,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"provider_message_id" text,
	"opened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
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
CREATE UNIQUE INDEX "mail_outbox_event_recipient_uq" ON "mail_outbox" USING btree ("event_key","recipient");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_account_idx" ON "mail_outbox" USING btree ("account_code","created_at");--> statement-breakpoint
CREATE INDEX "payment_approvals_account_idx" ON "payment_approvals" USING btree ("account_code","status");