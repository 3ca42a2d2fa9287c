export * from './auth';
export * from './errors';
export * from './pagination';
export * from './patients';
export * from './roles';
