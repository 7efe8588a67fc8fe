import { onShortlistChange, readShortlist, toggleShortlisted } from './shortlist-storage.ts';

/**
 * "Add to shortlist" buttons on cards and product pages: one listener for the page, each button's
 * state (aria-pressed and its label) redrawn from storage. Labels come from data attributes.
 */
export function startShortlistButtons(): void {
  const buttons = () => document.querySelectorAll<HTMLButtonElement>('button[data-shortlist]');
  const render = () => {
    const ids = new Set(readShortlist());
    for (const button of buttons()) {
      const on = ids.has(button.dataset.shortlist ?? '');
      button.setAttribute('aria-pressed', String(on));
      button.querySelector('[data-label]')!.textContent = (on ? button.dataset.labelOn : button.dataset.labelOff) ?? '';
      button.disabled = false;
    }
  };
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest?.<HTMLButtonElement>('button[data-shortlist]');
    if (button) toggleShortlisted(button.dataset.shortlist!);
  });
  onShortlistChange(render);
  render();
}
