CREATE TABLE "inbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"event_key" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"provider_ref" text NOT NULL,
	"order_id" text,
	"account_code" text NOT NULL,
	"account_uuid" text NOT NULL,
	"token" text,
	"status" text NOT NULL,
	"card_brand" text,
	"card_last4" text,
	"card_exp_month" integer,
	"card_exp_year" integer,
	"fenerum_card_uuid" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_provider_event_uq" ON "inbox" USING btree ("provider","event_key");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_provider_uq" ON "registrations" USING btree ("gateway","provider_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_order_uq" ON "registrations" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "registrations_due_idx" ON "registrations" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "registrations_account_idx" ON "registrations" USING btree ("account_code","created_at");