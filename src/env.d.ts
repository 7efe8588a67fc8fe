declare namespace App {
  interface Locals {
    /** Set by the workspace's guard (src/server/office/guard.ts) for a signed-in office account. */
    office?: { account: import('./server/office/accounts.ts').OfficeAccount };
  }
}
