import { isbot } from 'isbot';
import { UAParser } from 'ua-parser-js';
import { browserFamilyCodes, deviceTypeCodes, lookupCode, osFamilyCodes } from '../codes.js';

/** What a user agent string says about the client. */
export interface UserAgentSignals {
  /** A crawler, monitoring agent, HTTP library or command-line client (isbot). */
  readonly isBot: boolean;
  /** A headless or automated browser (HeadlessChrome, PhantomJS, Puppeteer, Playwright, Selenium…). */
  readonly isHeadless: boolean;
  /** Stable codes, see codes.ts; 1 = other, 0 = not recognisable at all. */
  readonly browserFamilyCode: number;
  readonly osFamilyCode: number;
  readonly deviceTypeCode: number;
}

const headlessPattern = /headless|phantomjs|slimerjs|puppeteer|playwright|selenium|webdriver|splash\//i;

/** Parses one user agent (ua-parser-js 1.x, MIT, and isbot, Unlicense). */
export function parseUserAgent(userAgent: string): UserAgentSignals {
  const result = new UAParser(userAgent).getResult();
  const browser = result.browser.name;
  const os = result.os.name;
  return {
    isBot: isbot(userAgent),
    isHeadless: headlessPattern.test(userAgent),
    browserFamilyCode: browser === undefined ? 0 : lookupCode(browserFamilyCodes, browser, 1),
    osFamilyCode: os === undefined ? 0 : lookupCode(osFamilyCodes, os, 1),
    deviceTypeCode: result.device.type === undefined ? (browser === undefined ? 0 : 1) : lookupCode(deviceTypeCodes, result.device.type, 1),
  };
}

/**
 * A bounded cache in front of `parseUserAgent`: parsing costs ~50 µs, while a platform sees few
 * distinct user agents, so replay and scoring mostly hit the cache. Two generations approximate
 * least-recently-used at one map lookup per hit: when the current generation is full it becomes
 * the old one, and old entries that are used again move back into the current one.
 */
export class UserAgentCache {
  private current = new Map<string, UserAgentSignals>();
  private previous = new Map<string, UserAgentSignals>();

  constructor(private readonly capacity = 10_000) {}

  parse(userAgent: string): UserAgentSignals {
    const cached = this.current.get(userAgent);
    if (cached !== undefined) return cached;
    const parsed = this.previous.get(userAgent) ?? parseUserAgent(userAgent);
    if (this.current.size >= Math.max(1, this.capacity >> 1)) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(userAgent, parsed);
    return parsed;
  }
}
