CREATE TABLE "account_index" (
	"uuid" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"code_key" text NOT NULL,
	"name" text NOT NULL,
	"emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pending_emails" jsonb,
	"search_text" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"recipients_read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "account_index_state" (
	"id" text PRIMARY KEY NOT NULL,
	"lease_holder" text,
	"lease_until" timestamp with time zone,
	"modified_since" timestamp with time zone,
	"full_phase" text,
	"full_page" integer DEFAULT 1 NOT NULL,
	"full_started_at" timestamp with time zone,
	"full_calls" integer DEFAULT 0 NOT NULL,
	"full_completed_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "account_index_code_idx" ON "account_index" USING btree ("code_key");--> statement-breakpoint
CREATE INDEX "account_index_pending_idx" ON "account_index" USING btree ("recipients_read_at") WHERE "account_index"."recipients_read_at" is null;