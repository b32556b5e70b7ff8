import type { z } from 'zod';

// Reading untrusted JSON files (the snapshot, the previous site's snapshot and history): every failure is one line.

/** Describes the first problem of a failed parse in one line: "issues.3.url: Invalid URL". */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The JSON in `text`, or an Error with a one-line reason. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
}
