/**
 * Small maps on product and producer pages: their code, Leaflet and the data load only once a map
 * scrolls near the viewport, so pages whose readers never get there pay for this file alone.
 */
const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      void import('./embed-map.ts').then(({ showMap }) => showMap(entry.target as HTMLElement));
    }
  },
  { rootMargin: '200px' },
);
for (const section of document.querySelectorAll<HTMLElement>('[data-nearby-map]')) observer.observe(section);
