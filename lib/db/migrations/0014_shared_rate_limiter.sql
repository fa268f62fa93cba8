CREATE TABLE "rate_limiter_state" (
	"name" text PRIMARY KEY NOT NULL,
	"finished" double precision[] DEFAULT '{}' NOT NULL,
	"held" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"wants" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"paused_until" double precision DEFAULT 0 NOT NULL
);
