CREATE TABLE "failed_payments_handled" (
	"payment_key" text PRIMARY KEY NOT NULL,
	"account_code" text,
	"handled_by" text NOT NULL,
	"note" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "farpay_refunds" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "sent_by" text;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "step_up_until" timestamp with time zone;