/** Fills {placeholders} in a UI string; a placeholder without a value stays visible, so it gets noticed. */
export const fillPlaceholders = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
