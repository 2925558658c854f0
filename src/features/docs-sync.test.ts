import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { featureCatalogue } from './catalogue/feature-catalogue.js';

const documentation = readFileSync(fileURLToPath(new URL('../../docs/features.md', import.meta.url)), 'utf8');

describe('docs/features.md', () => {
  it('lists every catalogue feature with its position, type, description and reason code', () => {
    featureCatalogue.forEach((feature, index) => {
      expect(documentation, feature.name).toContain(`| ${index} | \`${feature.name}\` | ${feature.type} | ${feature.description} | \`${feature.reasonCode}\` |`);
    });
  });

  it('carries the attribution the database licences require', () => {
    for (const required of ['https://db-ip.com', 'IP Geolocation by DB-IP', 'RouteViews', 'NRO', 'CC BY 4.0']) expect(documentation).toContain(required);
  });
});
