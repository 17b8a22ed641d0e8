// The one schema both drivers use; each feature owns its tables.
export * from '../../modules/areas/schema.ts';
export * from '../../modules/users/schema.ts';
export * from '../../modules/sites/schema.ts';
export * from '../../modules/auth/schema.ts';
export * from '../../modules/audit/schema.ts';
export * from '../sms/schema.ts';
export * from '../../modules/checklists/schema.ts';
export * from '../../modules/inspections/schema.ts';
export * from '../../modules/hazards/schema.ts';
export * from '../../modules/site-orders/schema.ts';
export * from '../../modules/notices/schema.ts';
export * from '../../modules/colours/schema.ts';
export * from '../../modules/calendar/schema.ts';
export * from '../../modules/photos/schema.ts';
export * from '../../modules/campaigns/schema.ts';
export * from '../../modules/nails/schema.ts';
export * from '../../modules/rankings/schema.ts';
