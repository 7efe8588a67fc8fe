/** The p-th percentile of sorted values (nearest rank). Apart from run.ts, which benches must import as types only. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
