-- case_events is an append-only audit trail: reject UPDATE and DELETE at the database level.
CREATE OR REPLACE FUNCTION koubei_reject_case_event_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only (% rejected)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION koubei_reject_case_event_change();
