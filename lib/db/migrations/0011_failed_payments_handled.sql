CREATE TABLE "failed_payments_handled" (
	"payment_key" text PRIMARY KEY NOT NULL,
	"account_code" text,
	"handled_by" text NOT NULL,
	"note" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL
);
