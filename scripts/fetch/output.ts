/** Where the fetch writes its lines; every line passes through the token redaction. */
export interface Output {
  /** A progress line: replaces itself in a terminal, a plain line in CI logs. */
  progress(line: string): void;
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** Replaces every occurrence of each secret, and of its URL-encoded form, with "[redacted]". */
export function redactor(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  const needles = secrets
    .filter((secret): secret is string => Boolean(secret))
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .sort((a, b) => b.length - a.length);
  return (text) => needles.reduce((out, needle) => out.split(needle).join('[redacted]'), text);
}

/** The longest line the fetch prints; a longer one (a hostile server's message, say) is cut, after redaction. */
const MAX_LINE_LENGTH = 1_000;

/** Redacts first, then cuts: a token cut in half would no longer be found. */
function safeLine(redact: (text: string) => string, line: string): string {
  const clean = redact(line);
  return clean.length > MAX_LINE_LENGTH ? `${clean.slice(0, MAX_LINE_LENGTH - 1)}…` : clean;
}

/** Console output for the fetch CLI, redacting the given secrets from everything it prints. */
export function consoleOutput(secrets: ReadonlyArray<string | undefined>): Output {
  const redactSecrets = redactor(secrets);
  const redact = (line: string) => safeLine(redactSecrets, line);
  const tty = Boolean(process.stdout.isTTY);
  let pending = false;
  const clearProgress = () => {
    if (pending) process.stdout.write('\r\x1b[2K');
    pending = false;
  };
  return {
    progress(line) {
      if (!tty) return void process.stdout.write(`${redact(line)}\n`);
      clearProgress();
      process.stdout.write(redact(line).slice(0, (process.stdout.columns || 80) - 1));
      pending = true;
    },
    info(line) {
      clearProgress();
      process.stdout.write(`${redact(line)}\n`);
    },
    warn(line) {
      clearProgress();
      process.stderr.write(`warning: ${redact(line)}\n`);
    },
    error(line) {
      clearProgress();
      process.stderr.write(`${redact(line)}\n`);
    },
  };
}
