/**
 * The database schema, one file per area under ./tables (drizzle-kit reads this file; migrations
 * in ./migrations). Import tables from here.
 */
export * from './tables/core';
export * from './tables/approvals';
export * from './tables/mail';
export * from './tables/staff';
export * from './tables/farpay';
export * from './tables/failed-payments';
export * from './tables/account-index';
export * from './tables/limiter';
export * from './tables/campaigns';
export * from './tables/imports';
