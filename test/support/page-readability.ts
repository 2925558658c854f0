import type { Page } from 'playwright-core';

/**
 * What makes the page shown hard to use at its current size, as the browser lays it out: a
 * horizontal scroll bar, a visible form control without an accessible name, and text whose colour
 * contrast with its background is below WCAG AA (4.5:1, or 3:1 for large text; disabled controls
 * are exempt, as in WCAG). Each problem is one line naming the element. The check runs in the page,
 * written as a string because the tests are not compiled with the DOM's types.
 */
export async function readabilityProblems(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const problems = [];
    const describe = (element) => \`\${element.tagName.toLowerCase()}\${element.id ? \`#\${element.id}\` : ''} "\${(element.textContent ?? '').trim().slice(0, 40)}"\`;
    const visible = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';

    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(\`scrolls sideways: \${document.documentElement.scrollWidth} px wide in \${window.innerWidth} px\`);

    for (const control of document.querySelectorAll('input:not([type=hidden]), select, textarea, button')) {
      if (!visible(control)) continue;
      const labelled =
        control.labels?.length ||
        control.getAttribute('aria-label')?.trim() ||
        control.getAttribute('aria-labelledby')?.split(/\\s+/).some((id) => document.getElementById(id)?.textContent?.trim()) ||
        (control.tagName === 'BUTTON' && control.textContent?.trim());
      if (!labelled) problems.push(\`no accessible name: \${control.outerHTML.slice(0, 80)}\`);
    }

    const rgba = (value) => {
      const parts = value.match(/[\\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return { r: parts[0], g: parts[1], b: parts[2], a: parts[3] ?? 1 };
    };
    const luminance = ({ r, g, b }) => {
      const channel = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element) => {
      for (let current = element; current !== null; current = current.parentElement) {
        const colour = rgba(getComputedStyle(current).backgroundColor);
        if (colour.a > 0.5) return colour;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    for (const element of document.body.querySelectorAll('*')) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '');
      if (!ownText || !visible(element) || element.closest('[disabled], [aria-disabled=true], .visually-hidden, svg')) continue;
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const [lighter, darker] = [luminance(rgba(style.color)), luminance(background(element))].sort((a, b) => b - a);
      const ratio = (lighter + 0.05) / (darker + 0.05);
      if (ratio < (large ? 3 : 4.5)) problems.push(\`contrast \${ratio.toFixed(2)}:1 of \${describe(element)} (\${style.color} on \${getComputedStyle(element).backgroundColor})\`);
    }
    return problems;
  })()`);
}
