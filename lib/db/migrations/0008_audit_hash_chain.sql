-- The audit log is tamper-evident: each row carries a hash over its own content and the previous
-- row's hash (README "The audit log"; `npm run audit:verify` walks the chain). The canonical
-- content and the hash are these two SQL functions, used by the trigger that writes the chain
-- and by the verifier (lib/audit-chain.ts): one definition.
-- `seq` is the chain's order. It is given under a transaction-scoped advisory lock, so inserts
-- from any number of connections and instances take turns; a bigserial `id` is drawn before that
-- lock and may commit out of order, so "previous" is the row with the highest `seq`, never id - 1.
CREATE FUNCTION audit_log_canonical(seq bigint, at timestamptz, actor text, action text, account_code text, subject text, details jsonb, ip text)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'seq', seq,
    'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'actor', actor,
    'action', action,
    'account_code', account_code,
    'subject', subject,
    'details', details,
    'ip', ip
  )::text
$$;
--> statement-breakpoint
CREATE FUNCTION audit_log_hash(prev_hash text, canonical text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || E'\n' || canonical, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
-- Rows written before this migration are chained here, in the order they were inserted (id).
ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_append_only;--> statement-breakpoint
DO $$
DECLARE
  r record;
  n bigint := 0;
  prev text := repeat('0', 64);
  h text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    h := audit_log_hash(prev, audit_log_canonical(n, r.at, r.actor, r.action, r.account_code, r.subject, r.details, r.ip));
    UPDATE audit_log SET seq = n, prev_hash = prev, hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
END;
$$;--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_append_only;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
-- Whatever an insert gives for seq, prev_hash and hash is replaced. The lock is held until the
-- inserting transaction ends, so the next insert reads this row as its previous. Under
-- REPEATABLE READ a stale previous would take a `seq` already used: the unique index refuses
-- that insert rather than fork the chain.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(727274003);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_log_hash(NEW.prev_hash, audit_log_canonical(NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.account_code, NEW.subject, NEW.details, NEW.ip));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
