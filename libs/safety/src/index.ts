export * from './crisis-language';
