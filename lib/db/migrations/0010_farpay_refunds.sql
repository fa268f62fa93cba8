CREATE TABLE "farpay_refunds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"payment_id" integer NOT NULL,
	"amount_minor" integer NOT NULL,
	"shown_remaining_minor" integer NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"actor" text NOT NULL,
	"status" text NOT NULL,
	"farpay_refund_id" integer,
	"farpay_code" text,
	"farpay_message" text,
	"farpay_answer" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "farpay_refunds_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE INDEX "farpay_refunds_payment_idx" ON "farpay_refunds" USING btree ("payment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "farpay_refunds_open_uq" ON "farpay_refunds" USING btree ("payment_id") WHERE "farpay_refunds"."status" in ('requested', 'unknown');