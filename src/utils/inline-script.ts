// A script written readably in src/client/, shipped inline without its comment lines and
// indentation: every plan page pays for its bytes.
export function compactScript(source: string): string {
  return source.replace(/^\s*\/\/.*\n/gm, '').replace(/^\s+/gm, '');
}
