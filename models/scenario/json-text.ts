/**
 * JSON text helpers for error messages: JSON.parse with line:column on syntax errors, and
 * the line:column of the value at a JSON path (so a schema error points into the file).
 */

export interface TextPosition {
  line: number;
  column: number;
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string; position: TextPosition };

/** JSON.parse that reports where a syntax error is, in words a user can act on. */
export function parseJsonText(text: string): ParsedJson {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, message: 'the file is empty', position: { line: 1, column: 1 } };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(raw);
    const atPosition = /position (\d+)/.exec(raw);
    const position = lineColumn
      ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
      : positionOf(body, atPosition ? Number(atPosition[1]) : body.length);
    const message = raw
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ \(line \d+ column \d+\)$/, '');
    return { ok: false, message: `invalid JSON: ${message}`, position };
  }
}

/**
 * Where the value at `path` starts in a JSON text (for a missing key: where its object
 * starts). Returns undefined when the text is not JSON or the path cannot be followed.
 */
export function locateJsonPath(text: string, path: readonly PropertyKey[]): TextPosition | undefined {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const readString = (): string => {
    const start = i;
    skipString();
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return '';
    }
  };
  const skipValue = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '"') return skipString();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skipSpace();
      while (i < text.length && text[i] !== close) {
        if (c === '{') {
          skipString();
          skipSpace();
          i++; // colon
        }
        skipValue();
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };

  skipSpace();
  for (const key of path) {
    skipSpace();
    const containerStart = i;
    if (text[i] === '{') {
      i++;
      let found = false;
      skipSpace();
      while (i < text.length && text[i] !== '}') {
        const name = readString();
        skipSpace();
        i++; // colon
        skipSpace();
        if (name === String(key)) {
          found = true;
          break;
        }
        skipValue();
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      if (!found) return positionOf(text, containerStart);
    } else if (text[i] === '[') {
      if (typeof key !== 'number') return positionOf(text, containerStart);
      i++;
      for (let index = 0; index < key; index++) {
        skipValue();
        skipSpace();
        if (text[i] !== ',') return positionOf(text, containerStart);
        i++;
      }
      skipSpace();
    } else {
      return positionOf(text, i);
    }
  }
  skipSpace();
  return i < text.length ? positionOf(text, i) : undefined;
}
