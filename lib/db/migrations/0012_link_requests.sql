CREATE TABLE "link_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_code" text NOT NULL,
	"address_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "link_requests_account_idx" ON "link_requests" USING btree ("account_code","created_at");--> statement-breakpoint
CREATE INDEX "link_requests_address_idx" ON "link_requests" USING btree ("address_key","created_at");