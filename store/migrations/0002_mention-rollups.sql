CREATE TABLE "mention_rollups_daily" (
	"day" date NOT NULL,
	"brand" text NOT NULL,
	"source" text NOT NULL,
	"sentiment" text NOT NULL,
	"category" text NOT NULL,
	"count" integer NOT NULL,
	"engagement" bigint NOT NULL,
	CONSTRAINT "mention_rollups_daily_day_brand_source_sentiment_category_pk" PRIMARY KEY("day","brand","source","sentiment","category")
);
--> statement-breakpoint
CREATE TABLE "mention_rollups_hourly" (
	"bucket" timestamp with time zone NOT NULL,
	"brand" text NOT NULL,
	"source" text NOT NULL,
	"region" text NOT NULL,
	"sentiment" text NOT NULL,
	"category" text NOT NULL,
	"count" integer NOT NULL,
	"engagement" bigint NOT NULL,
	CONSTRAINT "mention_rollups_hourly_bucket_brand_source_region_sentiment_category_pk" PRIMARY KEY("bucket","brand","source","region","sentiment","category")
);
--> statement-breakpoint
CREATE TABLE "mention_rollups_region_daily" (
	"day" date NOT NULL,
	"brand" text NOT NULL,
	"region" text NOT NULL,
	"sentiment" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "mention_rollups_region_daily_day_brand_region_sentiment_pk" PRIMARY KEY("day","brand","region","sentiment")
);
