import type { BuyLink } from '../../lib/commerce/marketplace-links.ts';

export interface LabelledBuyLink extends BuyLink {
  label: string;
}

interface Props {
  links: LabelledBuyLink[];
  /** In the cart, under each product: no headings or notes, which the cart shows once. */
  compact?: boolean;
  strings: { elsewhere: string; listings: string; producerChannels: string; searches: string; searchNote: string; newTab: string };
}

/** Other places to buy, grouped so a search is never mistaken for the producer's own shop. Plain links: works without JavaScript. */
export default function MarketplaceLinks({ links, strings, compact = false }: Props) {
  const groups = [
    { kind: 'listing', title: strings.listings },
    { kind: 'producer', title: strings.producerChannels },
    { kind: 'search', title: strings.searches, note: strings.searchNote },
  ] as const;
  if (!links.length) return null;
  return (
    <section className="buy-links" aria-label={strings.elsewhere}>
      {!compact && <h3>{strings.elsewhere}</h3>}
      {groups.map(({ kind, title, ...rest }) => {
        const list = links.filter((link) => link.kind === kind);
        if (!list.length) return null;
        return (
          <div key={kind} className={`buy-links__group buy-links__group--${kind}`}>
            {!compact && <h4>{title}</h4>}
            {!compact && 'note' in rest && <p className="muted buy-links__note">{rest.note}</p>}
            <ul className="chip-list">
              {list.map((link) => (
                <li key={link.href}>
                  <a className="chip" href={link.href} target="_blank" rel={kind === 'search' ? 'noopener nofollow' : 'noopener'} data-kind={kind}>
                    {link.label}
                    <span className="visually-hidden"> {strings.newTab}</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
