export * from './enums.ts';
export * from './validators.ts';
export * from './common.ts';
export * from './auth.ts';
export * from './areas.ts';
export * from './sites.ts';
export * from './users.ts';
export * from './hazards.ts';
