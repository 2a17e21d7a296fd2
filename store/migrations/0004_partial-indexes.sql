DROP INDEX "mentions_brands";--> statement-breakpoint
DROP INDEX "mentions_categories";--> statement-breakpoint
DROP INDEX "mentions_cluster";--> statement-breakpoint
DROP INDEX "mentions_parent";--> statement-breakpoint
DROP INDEX "mentions_thread_author";--> statement-breakpoint
DROP INDEX "mentions_sentiment_published";--> statement-breakpoint
DROP INDEX "mentions_tokens_fts";--> statement-breakpoint
CREATE INDEX "mentions_brands" ON "mentions" USING gin ("brands") WHERE "mentions"."analyzed_at" is not null;--> statement-breakpoint
CREATE INDEX "mentions_categories" ON "mentions" USING gin ("categories") WHERE "mentions"."analyzed_at" is not null;--> statement-breakpoint
CREATE INDEX "mentions_cluster" ON "mentions" USING btree ("cluster_id") WHERE "mentions"."cluster_id" is not null;--> statement-breakpoint
CREATE INDEX "mentions_parent" ON "mentions" USING btree ("source","parent_external_id") WHERE "mentions"."parent_external_id" is not null;--> statement-breakpoint
CREATE INDEX "mentions_thread_author" ON "mentions" USING btree ("source","thread_id","author_id") WHERE "mentions"."thread_id" is not null;--> statement-breakpoint
CREATE INDEX "mentions_sentiment_published" ON "mentions" USING btree ("sentiment","published_at") WHERE "mentions"."sentiment" is not null;--> statement-breakpoint
CREATE INDEX "mentions_tokens_fts" ON "mentions" USING gin (to_tsvector('simple', coalesce("tokens", ''))) WHERE "mentions"."analyzed_at" is not null;