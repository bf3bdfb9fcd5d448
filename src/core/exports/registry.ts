import { businessCentral } from './profiles/businessCentral';
import { quickBooks } from './profiles/quickBooks';
import { xero } from './profiles/xero';
import { odoo } from './profiles/odoo';
import { sage } from './profiles/sage';
import type { VendorProfile } from './vendorProfile';

/**
 * Every system whose exports the reader recognises, tried in this order (the best score wins a
 * header row; a tie goes to the first). Add a profile here: one import, one line.
 */
export const VENDOR_PROFILES: readonly VendorProfile[] = [
  businessCentral,
  quickBooks,
  xero,
  odoo,
  sage,
];
