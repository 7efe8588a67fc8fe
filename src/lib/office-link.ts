/** A web address as a report prints it ("nongthonmoi.angiang.gov.vn") made into a link target. */
export const webAddressHref = (address: string) => (/^https?:\/\//i.test(address) ? address : `http://${address}`);
