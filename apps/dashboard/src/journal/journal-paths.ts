export const SHARED_JOURNAL_PATH = '/journal';
