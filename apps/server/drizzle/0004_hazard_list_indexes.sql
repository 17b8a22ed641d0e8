DROP INDEX "hazards_area_idx";--> statement-breakpoint
ALTER TABLE "hazards" ALTER COLUMN "area_path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
CREATE INDEX "hazards_area_path_idx" ON "hazards" USING btree ("area_path","status");--> statement-breakpoint
CREATE INDEX "hazards_found_idx" ON "hazards" USING btree ("found_at" DESC NULLS FIRST,"id");