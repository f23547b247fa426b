import { expect, test } from './fixtures.ts';

test('the built app loads offline with its title, heading and the web platform', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Costcast');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan AI spend with the uncertainty in plain sight');
  await expect(page.locator('.app')).toHaveAttribute('data-platform', 'web');
  await page.screenshot({ path: 'test/e2e/artifacts/shell-web.png' });
});

test('the page enforces the content security policy', async ({ page, pageErrors }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  // An inline script must not run: the policy allows only the app's own files.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return (window as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  // The refusal is logged as a console error; it is expected here, so take it out of the guard's list.
  await expect.poll(() => pageErrors.some((error) => error.includes('Content Security Policy'))).toBe(true);
  pageErrors.splice(0);
});
