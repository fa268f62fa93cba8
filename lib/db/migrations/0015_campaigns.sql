CREATE TABLE "campaign_candidates" (
	"campaign" text NOT NULL,
	"account_uuid" text NOT NULL,
	"account_code" text NOT NULL,
	"account_name" text NOT NULL,
	"card_uuid" text NOT NULL,
	"card_brand" text NOT NULL,
	"card_last4" text NOT NULL,
	"card_exp_month" integer NOT NULL,
	"card_exp_year" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_candidates_campaign_account_uuid_pk" PRIMARY KEY("campaign","account_uuid")
);
--> statement-breakpoint
CREATE TABLE "campaign_refresh" (
	"id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"calls" integer DEFAULT 0 NOT NULL,
	"cards_seen" integer DEFAULT 0 NOT NULL,
	"unindexed" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "campaign_sends" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign" text NOT NULL,
	"account_code" text NOT NULL,
	"account_name" text NOT NULL,
	"card" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"sent_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_error" text,
	"reminder_status" text,
	"reminded_by" text,
	"reminded_at" timestamp with time zone,
	"reminder_recipients" jsonb
);
--> statement-breakpoint
CREATE INDEX "campaign_candidates_code_idx" ON "campaign_candidates" USING btree ("campaign","account_code");--> statement-breakpoint
CREATE INDEX "campaign_sends_account_idx" ON "campaign_sends" USING btree ("campaign","account_code","created_at");--> statement-breakpoint
CREATE INDEX "campaign_sends_status_idx" ON "campaign_sends" USING btree ("status");