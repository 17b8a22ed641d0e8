CREATE TABLE "check_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"sort" integer NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"text_en" text NOT NULL,
	"domain" text NOT NULL,
	"site_kinds" text[] NOT NULL,
	"answer_type" text NOT NULL,
	"threshold" jsonb,
	"choices" jsonb,
	"photo_required" boolean DEFAULT false NOT NULL,
	"default_level" text NOT NULL,
	"legal_basis" text NOT NULL,
	"suggested_fix" text DEFAULT '' NOT NULL,
	"default_mode" text NOT NULL,
	"default_days" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklist_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"checklist_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklists_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "inspection_answers" (
	"inspection_id" uuid NOT NULL,
	"check_item_id" uuid NOT NULL,
	"result" text NOT NULL,
	"value" double precision,
	"choice" text,
	"note" text,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "inspection_answers_inspection_id_check_item_id_pk" PRIMARY KEY("inspection_id","check_item_id")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"area_path" text NOT NULL,
	"kind" text NOT NULL,
	"inspector_id" uuid NOT NULL,
	"co_inspector_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"gps_lng" double precision,
	"gps_lat" double precision,
	"gps_accuracy" double precision,
	"distance_m" double precision,
	"far_from_site" boolean DEFAULT false NOT NULL,
	"notes" text,
	"signature" jsonb,
	"refusal" jsonb,
	"submission_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hazard_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"reason" text,
	"evidence" text[] DEFAULT '{}'::text[] NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "hazard_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hazard_id" uuid NOT NULL,
	"status" text NOT NULL,
	"from_deadline" date NOT NULL,
	"new_deadline" date NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"area_path" text NOT NULL,
	"department_id" uuid NOT NULL,
	"inspection_id" uuid,
	"check_item_id" uuid,
	"level" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"deadline" date,
	"treatment_plan" jsonb,
	"photos_before" text[] DEFAULT '{}'::text[] NOT NULL,
	"photos_after" text[] DEFAULT '{}'::text[] NOT NULL,
	"extension_pending" boolean DEFAULT false NOT NULL,
	"found_by" uuid,
	"found_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"reminder_sent_for" date,
	"overdue_notice_sent_for" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"town_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suspensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"ordered_by" uuid,
	"ordered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "yellow_cards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"number" text NOT NULL,
	"deadline" date NOT NULL,
	"reason" text NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "yellow_cards_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"site_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"hazard_ids" uuid[] NOT NULL,
	"file_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_number_unique" UNIQUE("number"),
	CONSTRAINT "notices_inspection_id_unique" UNIQUE("inspection_id")
);
--> statement-breakpoint
CREATE TABLE "colour_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"colour" text NOT NULL,
	"previous" text,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_photos" (
	"key" text PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"thumbnail_key" text,
	"size" bigint NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "inspected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "colour_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "check_items" ADD CONSTRAINT "check_items_version_id_checklist_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."checklist_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_versions" ADD CONSTRAINT "checklist_versions_checklist_id_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_versions" ADD CONSTRAINT "checklist_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_answers" ADD CONSTRAINT "inspection_answers_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_answers" ADD CONSTRAINT "inspection_answers_check_item_id_check_items_id_fk" FOREIGN KEY ("check_item_id") REFERENCES "public"."check_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_extensions" ADD CONSTRAINT "hazard_extensions_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_extensions" ADD CONSTRAINT "hazard_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_extensions" ADD CONSTRAINT "hazard_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_check_item_id_check_items_id_fk" FOREIGN KEY ("check_item_id") REFERENCES "public"."check_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_found_by_users_id_fk" FOREIGN KEY ("found_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_town_id_areas_id_fk" FOREIGN KEY ("town_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspensions" ADD CONSTRAINT "suspensions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspensions" ADD CONSTRAINT "suspensions_ordered_by_users_id_fk" FOREIGN KEY ("ordered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspensions" ADD CONSTRAINT "suspensions_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yellow_cards" ADD CONSTRAINT "yellow_cards_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yellow_cards" ADD CONSTRAINT "yellow_cards_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yellow_cards" ADD CONSTRAINT "yellow_cards_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "colour_history" ADD CONSTRAINT "colour_history_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_photos" ADD CONSTRAINT "site_photos_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_photos" ADD CONSTRAINT "site_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_items_version_idx" ON "check_items" USING btree ("version_id","sort");--> statement-breakpoint
CREATE UNIQUE INDEX "check_items_code_uq" ON "check_items" USING btree ("version_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_versions_uq" ON "checklist_versions" USING btree ("checklist_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_versions_one_published" ON "checklist_versions" USING btree ("checklist_id") WHERE "checklist_versions"."status" = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_versions_one_draft" ON "checklist_versions" USING btree ("checklist_id") WHERE "checklist_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "inspections_site_idx" ON "inspections" USING btree ("site_id","ended_at");--> statement-breakpoint
CREATE INDEX "inspections_area_idx" ON "inspections" USING btree ("area_path" text_pattern_ops,"ended_at");--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" USING btree ("hazard_id","at");--> statement-breakpoint
CREATE INDEX "hazard_extensions_hazard_idx" ON "hazard_extensions" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "hazards_site_idx" ON "hazards" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "hazards_area_idx" ON "hazards" USING btree ("area_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "hazards_department_idx" ON "hazards" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "hazards_deadline_idx" ON "hazards" USING btree ("deadline") WHERE "hazards"."status" in ('open', 'pending_review');--> statement-breakpoint
CREATE UNIQUE INDEX "document_counters_pk" ON "document_counters" USING btree ("town_id","kind","year");--> statement-breakpoint
CREATE UNIQUE INDEX "suspensions_one_active" ON "suspensions" USING btree ("site_id") WHERE "suspensions"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "yellow_cards_site_idx" ON "yellow_cards" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "notices_site_idx" ON "notices" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "colour_history_site_idx" ON "colour_history" USING btree ("site_id","at");--> statement-breakpoint
CREATE INDEX "site_photos_site_idx" ON "site_photos" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "sites_colour_due_idx" ON "sites" USING btree ("colour_due_at") WHERE "sites"."colour_due_at" is not null;