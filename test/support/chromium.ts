import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); .ci/run installs it. Never a downloaded browser. */
export const chromiumPath = process.env.SENTRA_CHROMIUM ?? '/usr/bin/chromium';

/** Starts headless Chromium with the flags this closed network needs (no background traffic to anyone). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A laptop screen: every page must read well at this size. */
export const laptopViewport = { width: 1366, height: 768 } as const;
