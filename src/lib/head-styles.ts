/**
 * HTML allows <style> only in <head>. Astro writes the few rules its islands need
 * (`astro-island{display:contents}`) next to the first island, inside <body>; this moves every
 * <style> element found in <body> to the end of <head>, keeping their order. Pages without one come
 * back unchanged.
 */
export function moveBodyStylesToHead(html: string): string {
  const bodyStart = html.search(/<body\b/i);
  const headEnd = html.search(/<\/head>/i);
  if (bodyStart < 0 || headEnd < 0 || headEnd > bodyStart) return html;
  const styles: string[] = [];
  const body = html.slice(bodyStart).replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, (style) => (styles.push(style), ''));
  if (!styles.length) return html;
  return html.slice(0, headEnd) + styles.join('') + html.slice(headEnd, bodyStart) + body;
}
