CREATE TABLE "brand_aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"brand_id" integer NOT NULL,
	"alias" text NOT NULL,
	"kind" text DEFAULT 'alias' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brands" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"is_own" boolean DEFAULT false NOT NULL,
	"color" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "brands_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"type" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"data" jsonb,
	"dedupe_key" text
);
--> statement-breakpoint
CREATE TABLE "case_mentions" (
	"case_id" bigint NOT NULL,
	"mention_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_mentions_case_id_mention_id_pk" PRIMARY KEY("case_id","mention_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"priority" text NOT NULL,
	"brand" text NOT NULL,
	"title" text NOT NULL,
	"primary_mention_id" bigint NOT NULL,
	"team" text,
	"assignee_id" integer,
	"risk" smallint DEFAULT 0 NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"region" text,
	"cluster_id" bigint,
	"published_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"first_response_due_at" timestamp with time zone NOT NULL,
	"first_responded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"merged_into_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mention_corrections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mention_id" bigint NOT NULL,
	"user_id" integer,
	"field" text NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"source_id" text,
	"url" text,
	"author_id" text,
	"author_name" text,
	"author_followers" integer,
	"author_verified" boolean DEFAULT false NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"pii_hashes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"raw" jsonb,
	"published_at" timestamp with time zone NOT NULL,
	"crawled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"region" text,
	"reposts" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"likes" integer DEFAULT 0 NOT NULL,
	"parent_external_id" text,
	"parent_id" bigint,
	"thread_id" text,
	"query" text,
	"analyzed_at" timestamp with time zone,
	"sentiment" text,
	"sentiment_score" real,
	"sentiment_confidence" real,
	"brand_sentiments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"brands" text[] DEFAULT '{}'::text[] NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"risk" smallint,
	"explain" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tokens" text,
	"simhash" bigint,
	"cluster_id" bigint,
	"corrected" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"brand" text,
	"title" text NOT NULL,
	"data" jsonb,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" integer
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"target" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"brand" text NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"hashtags" text[] DEFAULT '{}' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"baseline_starts_at" timestamp with time zone,
	"baseline_ends_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"channel_id" text NOT NULL,
	"event" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notifications_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "crawl_cursors" (
	"source_id" text NOT NULL,
	"query" text NOT NULL,
	"high_water_at" timestamp with time zone,
	"high_water_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cursor" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crawl_cursors_source_id_query_pk" PRIMARY KEY("source_id","query")
);
--> statement-breakpoint
CREATE TABLE "quarantine" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source_id" text,
	"url" text,
	"reason" text NOT NULL,
	"error_kind" text NOT NULL,
	"raw_body" text,
	"content_type" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "source_sessions" (
	"source_id" text NOT NULL,
	"account_id" text NOT NULL,
	"blocked_until" timestamp with time zone,
	"block_signal" text,
	"last_used_at" timestamp with time zone,
	"error_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "source_sessions_source_id_account_id_pk" PRIMARY KEY("source_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error_at" timestamp with time zone,
	"last_error" text,
	"blocked_until" timestamp with time zone,
	"block_signal" text,
	"items_last_run" integer DEFAULT 0 NOT NULL,
	"pages_last_run" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"role" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"team" text,
	"on_duty" boolean DEFAULT true NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "brand_aliases" ADD CONSTRAINT "brand_aliases_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mentions" ADD CONSTRAINT "case_mentions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mentions" ADD CONSTRAINT "case_mentions_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_primary_mention_id_mentions_id_fk" FOREIGN KEY ("primary_mention_id") REFERENCES "public"."mentions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_corrections" ADD CONSTRAINT "mention_corrections_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_cursors" ADD CONSTRAINT "crawl_cursors_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_sessions" ADD CONSTRAINT "source_sessions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "brand_aliases_brand_alias_kind" ON "brand_aliases" USING btree ("brand_id","alias","kind");--> statement-breakpoint
CREATE INDEX "case_events_case" ON "case_events" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_dedupe" ON "case_events" USING btree ("dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "case_mentions_mention" ON "case_mentions" USING btree ("mention_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_primary_mention" ON "cases" USING btree ("primary_mention_id");--> statement-breakpoint
CREATE INDEX "cases_status_due" ON "cases" USING btree ("status","first_response_due_at");--> statement-breakpoint
CREATE INDEX "cases_assignee" ON "cases" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "cases_cluster" ON "cases" USING btree ("cluster_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_source_external_id" ON "mentions" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "mentions_published_at" ON "mentions" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "mentions_brands" ON "mentions" USING gin ("brands");--> statement-breakpoint
CREATE INDEX "mentions_categories" ON "mentions" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "mentions_cluster" ON "mentions" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "mentions_parent" ON "mentions" USING btree ("source","parent_external_id");--> statement-breakpoint
CREATE INDEX "mentions_thread_author" ON "mentions" USING btree ("source","thread_id","author_id");--> statement-breakpoint
CREATE INDEX "mentions_sentiment_published" ON "mentions" USING btree ("sentiment","published_at");--> statement-breakpoint
CREATE INDEX "mentions_tokens_fts" ON "mentions" USING gin (to_tsvector('simple', coalesce("tokens", '')));--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_dedupe" ON "alerts" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "alerts_created" ON "alerts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");