/** Counts of certified products by star level, as the provinces' statistics tables give them. */
export interface StarCounts {
  total: number;
  five: number;
  /** Potential five-star products hold 4-star certificates; the tables count them apart. */
  potentialFive: number;
  four: number;
  three: number;
}

export interface Rated {
  stars: 3 | 4 | 5;
  potentialFiveStar: boolean;
}

export const emptyCounts = (): StarCounts => ({ total: 0, five: 0, potentialFive: 0, four: 0, three: 0 });

export function addToCounts(counts: StarCounts, { stars, potentialFiveStar }: Rated): StarCounts {
  counts.total++;
  if (stars === 5) counts.five++;
  else if (potentialFiveStar) counts.potentialFive++;
  else if (stars === 4) counts.four++;
  else counts.three++;
  return counts;
}

/** Star counts per group key (a district, a province…), keys in first-seen order. */
export function countBy<T>(items: readonly T[], rating: (item: T) => Rated, key: (item: T) => string): Map<string, StarCounts> {
  const table = new Map<string, StarCounts>();
  for (const item of items) {
    const name = key(item);
    table.set(name, addToCounts(table.get(name) ?? emptyCounts(), rating(item)));
  }
  return table;
}
