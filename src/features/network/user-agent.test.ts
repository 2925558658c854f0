import { describe, expect, it } from 'vitest';
import { parseUserAgent, UserAgentCache } from './user-agent.js';

const headlessChrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.71 Safari/537.36';
const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/141.0';
const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

describe('parseUserAgent', () => {
  it('flags headless Chrome as a headless bot on Linux', () => {
    expect(parseUserAgent(headlessChrome)).toEqual({ isBot: true, isHeadless: true, browserFamilyCode: 3, osFamilyCode: 6, deviceTypeCode: 1 });
  });

  it('flags curl as a bot that is no browser at all', () => {
    expect(parseUserAgent('curl/8.4.0')).toEqual({ isBot: true, isHeadless: false, browserFamilyCode: 0, osFamilyCode: 0, deviceTypeCode: 0 });
  });

  it('recognises ordinary browsers, operating systems and device types', () => {
    expect(parseUserAgent(firefox)).toEqual({ isBot: false, isHeadless: false, browserFamilyCode: 6, osFamilyCode: 2, deviceTypeCode: 1 });
    expect(parseUserAgent(iphone)).toEqual({ isBot: false, isHeadless: false, browserFamilyCode: 5, osFamilyCode: 4, deviceTypeCode: 2 });
    expect(parseUserAgent('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Puppeteer').isHeadless).toBe(true);
  });
});

describe('UserAgentCache', () => {
  it('returns the cached parse and stays within its capacity', () => {
    const cache = new UserAgentCache(2);
    const first = cache.parse(firefox);
    expect(cache.parse(firefox)).toBe(first);
    const phone = cache.parse(iphone);
    cache.parse(firefox);
    cache.parse('curl/8.4.0');
    expect(cache.parse(firefox)).toBe(first);
    const reparsed = cache.parse(iphone);
    expect(reparsed).not.toBe(phone);
    expect(reparsed).toEqual(phone);
  });
});
