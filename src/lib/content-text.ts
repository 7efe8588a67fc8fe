import { parse, stringify } from 'yaml';

/**
 * Content files as text, the way the OCOP office and developers write them: YAML for producers,
 * places, events and regions; Markdown with YAML front matter for products (facts above, the story
 * below). One reader and one writer for the importer, the office workspace and the scripts.
 */
export type ContentData = Record<string, unknown>;

export interface ContentText {
  data: ContentData;
  /** The Markdown below the front matter ('' for YAML files). */
  body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export class ContentSyntaxError extends Error {}

export const isMarkdownFile = (file: string) => file.endsWith('.md');

/** Parses a content file's text; a YAML mistake becomes a ContentSyntaxError naming the file. */
export function parseContentText(file: string, text: string): ContentText {
  try {
    if (isMarkdownFile(file)) {
      const match = FRONT_MATTER.exec(text);
      if (!match) throw new ContentSyntaxError(`${file}: missing --- front matter`);
      return { data: (parse(match[1]) as ContentData | null) ?? {}, body: match[2] };
    }
    return { data: (parse(text) as ContentData | null) ?? {}, body: '' };
  } catch (error) {
    if (error instanceof ContentSyntaxError) throw error;
    throw new ContentSyntaxError(`${file}: ${(error as Error).message}`);
  }
}

export function serialiseContent(file: string, data: ContentData, body = ''): string {
  const yaml = stringify(data, { lineWidth: 0 });
  return isMarkdownFile(file) ? `---\n${yaml}---\n${body}` : yaml;
}
