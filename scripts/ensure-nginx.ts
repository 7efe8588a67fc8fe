// Runs before `npm test`: the reverse-proxy and two-server tests start Debian's nginx in front of
// the server with the shipped configuration (deploy/nginx/). Installs it when missing and we are
// root; otherwise those tests skip and say why.
import { nginxBinary } from '../test/support/nginx.ts';
import { installOptionalDebianPackage } from './lib/debian-package.ts';

installOptionalDebianPackage({
  installed: () => Boolean(nginxBinary()),
  packages: 'nginx',
  name: 'nginx',
  forTests: 'the reverse-proxy and two-server tests',
});
