import { orderedUnique, productIdFromPath } from '../lib/shown-products.ts';
import { downloadText, fetchProductRecords } from './product-records.ts';

/** The products a list element shows right now, in its order. */
export function shownProductIds(list: Element): string[] {
  const cards = [...list.querySelectorAll<HTMLElement>('[data-product-id]')].map((card) => card.dataset.productId);
  if (cards.length) return orderedUnique(cards);
  return orderedUnique([...list.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => productIdFromPath(new URL(a.href).pathname)));
}

/**
 * "Download this list": a CSV of exactly the products the list shows, in the columns of the data
 * page, built in the browser. The button names its list with data-list (a CSS selector) and the file
 * with data-file-name.
 */
export function startDownloadButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-download-list]')) {
    const label = button.textContent ?? '';
    button.disabled = false;
    button.addEventListener('click', async () => {
      const list = document.querySelector(button.dataset.list ?? '');
      const ids = list ? shownProductIds(list) : [];
      const status = button.parentElement?.querySelector<HTMLElement>('[data-download-status]');
      button.disabled = true;
      button.textContent = button.dataset.working ?? label;
      try {
        // The CSV writer loads only now, so the button costs the page almost nothing.
        const [{ products }, { recordsToCsv }] = await Promise.all([fetchProductRecords(ids), import('../lib/exports/records.ts')]);
        downloadText(recordsToCsv(products), button.dataset.fileName ?? 'ocop.csv');
        if (status) status.textContent = '';
      } catch {
        if (status) status.textContent = button.dataset.failed ?? '';
      } finally {
        button.disabled = false;
        button.textContent = label;
      }
    });
  }
}
