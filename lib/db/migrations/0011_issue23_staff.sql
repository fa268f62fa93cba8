ALTER TABLE "mail_outbox" ADD COLUMN "sent_by" text;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "step_up_until" timestamp with time zone;