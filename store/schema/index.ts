export * from './brands.ts';
export * from './cases.ts';
export * from './mentions.ts';
export * from './ops.ts';
export * from './sources.ts';
export * from './users.ts';
export * from './rollups.ts';
