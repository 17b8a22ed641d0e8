// The one schema both drivers use; each feature owns its tables.
export * from '../../modules/areas/schema.ts';
export * from '../../modules/users/schema.ts';
export * from '../../modules/sites/schema.ts';
export * from '../../modules/auth/schema.ts';
export * from '../../modules/audit/schema.ts';
export * from '../sms/schema.ts';
