CREATE TABLE "batch_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"batch" text NOT NULL,
	"reason" text NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "batch_signoffs" (
	"decision_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signer_id" uuid,
	"signer_name" text NOT NULL,
	"comment" text,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batch_signoffs_decision_id_role_pk" PRIMARY KEY("decision_id","role")
);
--> statement-breakpoint
CREATE TABLE "campaign_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"phone" text,
	"duty" text,
	"is_leader" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_sites" (
	"campaign_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"squad_id" uuid NOT NULL,
	"village_team_id" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_sites_campaign_id_site_id_pk" PRIMARY KEY("campaign_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"area_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"area_id" uuid NOT NULL,
	"area_path" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"site_kinds" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "squad_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"squad_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"sites_inspected" integer NOT NULL,
	"hazards_closed" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nail_departments" (
	"nail_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	CONSTRAINT "nail_departments_nail_id_department_id_pk" PRIMARY KEY("nail_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "nail_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nail_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nail_sites" (
	"nail_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	CONSTRAINT "nail_sites_nail_id_site_id_pk" PRIMARY KEY("nail_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "nail_updates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"nail_id" uuid NOT NULL,
	"progress" integer NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nails" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"area_id" uuid NOT NULL,
	"area_path" text NOT NULL,
	"plan" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ranking_snapshots" (
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"sites_in_scope" integer NOT NULL,
	"sites_inspected" integer NOT NULL,
	"hazards_found" integer NOT NULL,
	"hazards_closed" integer NOT NULL,
	"inspection_rank" integer NOT NULL,
	"close_out_rank" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ranking_snapshots_campaign_id_day_unit_kind_unit_id_pk" PRIMARY KEY("campaign_id","day","unit_kind","unit_id")
);
--> statement-breakpoint
DROP INDEX "sites_area_path_idx";--> statement-breakpoint
ALTER TABLE "sites" ALTER COLUMN "area_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "batch_decisions" ADD CONSTRAINT "batch_decisions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_decisions" ADD CONSTRAINT "batch_decisions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_decisions" ADD CONSTRAINT "batch_decisions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_signoffs" ADD CONSTRAINT "batch_signoffs_decision_id_batch_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."batch_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_signoffs" ADD CONSTRAINT "batch_signoffs_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_unit_id_campaign_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."campaign_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sites" ADD CONSTRAINT "campaign_sites_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sites" ADD CONSTRAINT "campaign_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sites" ADD CONSTRAINT "campaign_sites_squad_id_campaign_units_id_fk" FOREIGN KEY ("squad_id") REFERENCES "public"."campaign_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sites" ADD CONSTRAINT "campaign_sites_village_team_id_campaign_units_id_fk" FOREIGN KEY ("village_team_id") REFERENCES "public"."campaign_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_units" ADD CONSTRAINT "campaign_units_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_units" ADD CONSTRAINT "campaign_units_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "squad_targets" ADD CONSTRAINT "squad_targets_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "squad_targets" ADD CONSTRAINT "squad_targets_squad_id_campaign_units_id_fk" FOREIGN KEY ("squad_id") REFERENCES "public"."campaign_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nail_departments" ADD CONSTRAINT "nail_departments_nail_id_nails_id_fk" FOREIGN KEY ("nail_id") REFERENCES "public"."nails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nail_departments" ADD CONSTRAINT "nail_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nail_milestones" ADD CONSTRAINT "nail_milestones_nail_id_nails_id_fk" FOREIGN KEY ("nail_id") REFERENCES "public"."nails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nail_sites" ADD CONSTRAINT "nail_sites_nail_id_nails_id_fk" FOREIGN KEY ("nail_id") REFERENCES "public"."nails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nail_sites" ADD CONSTRAINT "nail_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nail_updates" ADD CONSTRAINT "nail_updates_nail_id_nails_id_fk" FOREIGN KEY ("nail_id") REFERENCES "public"."nails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nail_updates" ADD CONSTRAINT "nail_updates_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nails" ADD CONSTRAINT "nails_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nails" ADD CONSTRAINT "nails_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nails" ADD CONSTRAINT "nails_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_snapshots" ADD CONSTRAINT "ranking_snapshots_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_decisions_campaign_idx" ON "batch_decisions" USING btree ("campaign_id","batch");--> statement-breakpoint
CREATE UNIQUE INDEX "batch_decisions_current_uq" ON "batch_decisions" USING btree ("campaign_id","site_id") WHERE "batch_decisions"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "campaign_members_unit_idx" ON "campaign_members" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "campaign_members_user_idx" ON "campaign_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "campaign_sites_squad_idx" ON "campaign_sites" USING btree ("squad_id");--> statement-breakpoint
CREATE INDEX "campaign_units_campaign_idx" ON "campaign_units" USING btree ("campaign_id","kind");--> statement-breakpoint
CREATE INDEX "campaign_units_parent_idx" ON "campaign_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "campaigns_area_idx" ON "campaigns" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "squad_targets_week_uq" ON "squad_targets" USING btree ("campaign_id","squad_id","week_start");--> statement-breakpoint
CREATE INDEX "nail_milestones_nail_idx" ON "nail_milestones" USING btree ("nail_id");--> statement-breakpoint
CREATE INDEX "nail_updates_nail_idx" ON "nail_updates" USING btree ("nail_id","reported_at");--> statement-breakpoint
CREATE INDEX "nails_campaign_idx" ON "nails" USING btree ("campaign_id","kind");--> statement-breakpoint
CREATE INDEX "nails_area_idx" ON "nails" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sites_area_path_id_idx" ON "sites" USING btree ("area_path","id");