/**
 * @module harness/results
 * The ground floor of the harness: the results of a run (types derived from the one zod schema),
 * the outcome vocabulary, and how the verdict and exit code follow. Imports nothing of the project.
 */
export * from './outcomes.ts';
export * from './schema.ts';
export * from './verdict.ts';
export * from './causes.ts';
