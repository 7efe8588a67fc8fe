// Runs before `npm test`: the order store's tests also run against PostgreSQL, started from
// Debian's `postgresql` package in a throwaway cluster. Installs it when missing and we are root;
// otherwise those tests skip and say why (SQLite, the default store, is always tested).
import { postgresBinDir } from '../test/support/postgres.ts';
import { installOptionalDebianPackage } from './lib/debian-package.ts';

installOptionalDebianPackage({
  installed: () => Boolean(postgresBinDir()),
  packages: 'postgresql',
  name: 'PostgreSQL',
  forTests: "the order store's PostgreSQL tests",
});
