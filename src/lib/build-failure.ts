/**
 * Why a build failed, in the few lines a person needs: Astro names the file and the field
 * ("[InvalidContentEntryDataError] products → x data does not match collection schema. / stars:
 * stars must be 3, 4 or 5 / Location: content/products/x.md"). Colour codes and the stack go.
 */
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const MAX_LINES = 6;
const MAX_CHARS = 800;

export function buildFailureReason(output: string): string {
  const lines = output
    .replace(ANSI, '')
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() && !/^\s+at\s/.test(line) && !/^npm (error|ERR!)/.test(line));
  const first = lines.findIndex((line) => /\[[A-Za-z]*Error\]|\berror\b|\bError:/i.test(line));
  const picked = first >= 0 ? lines.slice(first, first + MAX_LINES) : lines.slice(-MAX_LINES);
  const reason = picked.map((line) => line.trim()).join('\n') || 'the build stopped without saying why';
  return reason.length > MAX_CHARS ? `${reason.slice(0, MAX_CHARS - 1)}…` : reason;
}
