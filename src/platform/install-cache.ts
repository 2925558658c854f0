import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder for artifacts derived from installed packages (the embedded database template, the
 * compact ASN table): `node_modules/.cache/sentra`. `sentra prepare` (run by `npm install`) fills it so
 * the server never spends its start-up converting them; anything missing is built on first use.
 */
export function installCacheDirectory(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'sentra');
}
