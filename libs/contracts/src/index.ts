export * from './roles.js';
export * from './workflow.js';
export * from './health.js';
export * from './errors.js';
export * from './auth.js';
export * from './users.js';
export * from './audit.js';
export * from './content.js';
