export * from './embedded-postgres.js';
export * from './embedded-s3.js';
