/** Public URLs of catalogue pages, in one place so links and routes agree. */
export const productPath = (slug: string) => `/san-pham/${slug}/`;
export const producerPath = (id: string) => `/chu-the/${id}/`;
