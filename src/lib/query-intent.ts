import { foldVietnamese } from './text.ts';

/**
 * What a typed query asks beyond words: "an giang 5 sao" means five-star products of An Giang, not
 * pages that contain "5" and "sao". Star levels and province names become filters; the rest is
 * searched as text.
 */
export interface QueryIntent {
  text: string;
  stars?: 3 | 4 | 5;
  province?: string;
}

const STARS = /(?:^|\s)([345])\s*-?\s*(?:sao|stars?|★)(?=\s|$)|(?:^|\s)(★{3,5})(?=\s|$)/i;

export function readQueryIntent(query: string, provinces: readonly string[]): QueryIntent {
  let text = ` ${query.trim().replace(/\s+/g, ' ')} `;
  const intent: Omit<QueryIntent, 'text'> = {};
  const stars = STARS.exec(text);
  if (stars) {
    intent.stars = Number(stars[1] ?? stars[2].length) as 3 | 4 | 5;
    text = text.replace(stars[0], ' ');
  }
  // Longest names first, so "Hồ Chí Minh" is not taken for a shorter name inside it.
  const folded = (value: string) => ` ${foldVietnamese(value).replace(/[^a-z0-9]+/g, ' ').trim()} `;
  for (const province of [...provinces].sort((a, b) => b.length - a.length)) {
    const name = folded(province);
    const words = text.split(' ');
    // Find the province's words in the query, accents optional, and cut exactly those words out.
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 1; end <= words.length; end++) {
        if (folded(words.slice(start, end).join(' ')) !== name) continue;
        intent.province = province;
        text = [...words.slice(0, start), ...words.slice(end)].join(' ');
        break;
      }
      if (intent.province) break;
    }
    if (intent.province) break;
  }
  return { text: text.replace(/\s+/g, ' ').trim(), ...intent };
}
