// The words of a source and the visible text of a page, for the completeness tests.

/** The visible text of an HTML page (tags removed, entities decoded, spaces collapsed). */
export function pageText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<a id="[^"]+" href="#[^"]+">¶<\/a>/g, ' ')
    // Inline tags sit inside words ("(<em>viết tắt</em>)"); block tags separate them.
    .replace(/<\/?(?:em|strong|span|a)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

/** Words of a source: whitespace-separated tokens with a letter in them, without Markdown markers. */
export function sourceWords(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\\([\\`*_{}[\]()#+\-.!&<>|~])/g, '$1')
    .split(/\s+/)
    .map((w) => w.replace(/\*/g, ''))
    .filter((w) => /\p{L}/u.test(w));
}

/** The first word of `words` not found in `text` after the previous one, or null when all are there in order. */
export function firstMissing(words: string[], text: string): { word: string; index: number } | null {
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const found = text.indexOf(words[i]!, at);
    if (found < 0) return { word: words[i]!, index: i };
    at = found + words[i]!.length;
  }
  return null;
}
