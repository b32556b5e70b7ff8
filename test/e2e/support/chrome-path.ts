import { existsSync } from 'node:fs';

/** The Chromium the e2e tests drive: CHROME_PATH, else Debian's; throws one line when it is missing. */
export function chromePath(): string {
  const path = process.env.CHROME_PATH?.trim() || '/usr/bin/chromium';
  if (!existsSync(path)) {
    const error = new Error(`Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROME_PATH`);
    error.stack = error.message;
    throw error;
  }
  return path;
}
