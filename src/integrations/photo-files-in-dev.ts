import type { AstroIntegration } from 'astro';
import { contentDirFrom, servePhoto } from '../server/photos/photo-files.ts';

/** `astro dev` serves uploaded photos at /anh/ as the production server does (src/server/site-worker.ts). */
export function photoFilesInDev(): AstroIntegration {
  return {
    name: 'ocop:photo-files-in-dev',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          servePhoto(request, response, contentDirFrom()).then((served) => served || next(), next);
        });
      },
    },
  };
}
