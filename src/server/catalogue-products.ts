import { getCatalogue, isListedProduct, type Product } from '../data/catalogue.ts';
import type { CatalogueProduct } from '../lib/commerce/checkout-request.ts';
import { unitInEnglish } from '../data/glossary.ts';
import { pictureSrc } from '../data/product-picture.ts';
import { offersBankTransfer } from '../lib/content-schemas.ts';

/** The catalogue as checkout sees it: the server's own prices, names and purchasability. */
export function toCatalogueProduct(product: Product): CatalogueProduct {
  return {
    id: product.id,
    name: product.data.name,
    ...(product.english && { nameEn: product.english.name }),
    unit: product.data.price?.unit ?? '',
    ...(product.data.price && { unitEn: unitInEnglish(product.data.price.unit) }),
    price: product.data.price?.amount,
    purchasable: product.purchasable,
    ...(!isListedProduct(product) && { revoked: true }),
    producerId: product.producer.id,
    producerName: product.producer.data.name,
    imagePath: pictureSrc(product, 960),
    bankAccount: transferAccount(product),
  };
}

function transferAccount({ producer }: Product): CatalogueProduct['bankAccount'] {
  const account = producer.data.bankAccount;
  if (!account || !offersBankTransfer(account)) return undefined;
  const { noticeEmail, confirmedOn: _confirmed, ...rest } = account;
  return { ...rest, noticeEmail: noticeEmail ?? producer.data.contacts.email };
}

let lookup: Promise<(id: string) => CatalogueProduct | undefined> | undefined;

/** Products by id, built once per server process rather than on every checkout request. */
export function catalogueLookup(): Promise<(id: string) => CatalogueProduct | undefined> {
  lookup ??= getCatalogue().then((catalogue) => {
    const byId = new Map(catalogue.products.map((product) => [product.id, toCatalogueProduct(product)]));
    return (id: string) => byId.get(id);
  });
  return lookup;
}
