import { formatDate } from '../i18n/ui.ts';
import type { Locale } from '../lib/paths.ts';
import type { PointText } from '../lib/map-popup.ts';
import { fillPlaceholders } from '../lib/template.ts';

/**
 * The UI strings the map needs in the browser, picked from the page's dictionary on the server and
 * passed in a data attribute: the client bundle carries no dictionary.
 */
export type MapLabels = Record<string, string>;

const MAP_LABEL = /^(map\.|stars\.label$|producer\.precision\.)/;

export function pickMapLabels(keys: readonly string[], translate: (key: never) => string): MapLabels {
  return Object.fromEntries(keys.filter((key) => MAP_LABEL.test(key)).map((key) => [key, translate(key as never)]));
}

export function pointText(locale: Locale, labels: MapLabels): PointText {
  return {
    locale,
    label: (key, values = {}) => fillPlaceholders(labels[key] ?? key, values),
    date: (iso) => formatDate(iso, locale),
  };
}
