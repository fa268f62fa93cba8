CREATE TABLE "card_setup_starts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_code" text NOT NULL,
	"gateway" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "link_id" text;--> statement-breakpoint
CREATE INDEX "card_setup_starts_account_idx" ON "card_setup_starts" USING btree ("account_code","created_at");--> statement-breakpoint
CREATE INDEX "registrations_started_idx" ON "registrations" USING btree ("status","created_at");