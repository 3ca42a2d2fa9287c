export * from './built-in-content';
export * from './content.types';
export { musicSearchUrl } from './items/playlists';
export * from './content.schema';
export * from './clinic-library';
