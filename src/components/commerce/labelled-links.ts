import type { Product } from '../../data/catalogue.ts';
import type { Translate } from '../../i18n/ui.ts';
import { buyLinks } from '../../lib/commerce/marketplace-links.ts';
import type { LabelledBuyLink } from './MarketplaceLinks.tsx';

/** A product's other places to buy, labelled in the page's language, for the islands. */
export function labelledBuyLinks(product: Product, t: Translate, campaign: string): LabelledBuyLink[] {
  const { contacts } = product.producer.data;
  return buyLinks({ productId: product.id, productName: product.data.name, marketplaces: product.data.marketplaces, contacts }, campaign).map(
    (link) => ({ ...link, label: link.kind === 'search' ? t('buy.search', { name: link.name }) : link.name }),
  );
}

export function buyLinkStrings(t: Translate) {
  return {
    elsewhere: t('buy.elsewhere'),
    listings: t('buy.listings'),
    producerChannels: t('buy.producerChannels'),
    searches: t('buy.searches'),
    searchNote: t('buy.searchNote'),
    newTab: t('buy.newTab'),
  };
}

/** Why a product cannot be put in the cart, or undefined when it can. */
export function notPurchasableReason(product: Product, t: Translate): string | undefined {
  if (product.purchasable) return undefined;
  const { state } = product.validity;
  if (state === 'revoked') return t('buy.notPurchasable.revoked');
  if (state === 're-evaluating') return t('buy.notPurchasable.reEvaluating');
  return state !== 'valid' ? t('buy.notPurchasable.expired') : t('buy.notPurchasable.noPrice');
}
