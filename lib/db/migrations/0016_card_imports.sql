CREATE TABLE "card_import_rows" (
	"id" text PRIMARY KEY NOT NULL,
	"import_id" text NOT NULL,
	"line" integer NOT NULL,
	"account_code" text NOT NULL,
	"gateway" text NOT NULL,
	"token" text NOT NULL,
	"registration_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"total_rows" integer NOT NULL,
	"queued_rows" integer NOT NULL,
	"known_rows" integer DEFAULT 0 NOT NULL,
	"rejected" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "origin" text;--> statement-breakpoint
CREATE UNIQUE INDEX "card_import_rows_card_uq" ON "card_import_rows" USING btree ("account_code","gateway","token");--> statement-breakpoint
CREATE INDEX "card_import_rows_import_idx" ON "card_import_rows" USING btree ("import_id","line");--> statement-breakpoint
CREATE INDEX "card_imports_created_idx" ON "card_imports" USING btree ("created_at");