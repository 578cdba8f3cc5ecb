/** Accessibility check for e2e tests: axe-core (WCAG 2.1 A/AA and best practices) on the page as it is now. */
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** axe-core's serious and critical violations on the page, one line each (rule, impact, first nodes). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Fail the test when axe-core reports a serious or critical violation; `where` names the page state in the message. */
export async function expectNoSeriousA11yViolations(page: Page, where = page.url()): Promise<void> {
  expect(await seriousA11yViolations(page), `axe-core on ${where}`).toEqual([]);
}
