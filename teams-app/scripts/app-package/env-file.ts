/**
 * Reads a dotenv-style file the way the Agents Toolkit writes them: KEY=VALUE lines, `#` comments,
 * blank lines, optional single or double quotes around the value.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '').trim();
    values[match[1]!] = value;
  }
  return values;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The names of all `${{NAME}}` placeholders in a text, each once, in order of appearance. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export interface FilledText {
  text: string;
  /** Placeholders with no value or a blank one; the text still holds them. */
  missing: string[];
}

/**
 * Replaces `${{NAME}}` in a JSON text with values, escaped so that they stay valid inside a JSON string.
 */
export function fillPlaceholders(jsonText: string, values: Record<string, string | undefined>): FilledText {
  const missing = placeholderNames(jsonText).filter((name) => !values[name]?.trim());
  const text = jsonText.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name]?.trim();
    return value ? JSON.stringify(value).slice(1, -1) : whole;
  });
  return { text, missing };
}
