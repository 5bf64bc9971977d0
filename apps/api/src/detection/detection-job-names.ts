export const EXTRACT_TEXT_JOB = 'extract-version-text';
