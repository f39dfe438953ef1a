// A portal themes embedded viewers with the documented custom properties (docs/EMBED.md):
// `--recap-accent`, `--recap-radius`, `--recap-font`, `--recap-font-size` … for the light theme,
// `--recap-dark-*` for the dark one (tests/e2e/portal/themed.css), set on any ancestor.
import { test, expect } from '@playwright/test';
import { openElementsPortal } from './support/portal.js';

test('the portal sets the accent, radius, font and size, and the dark palette', async ({ page }) => {
  const { light, dark } = await openElementsPortal(page, { light: {}, dark: {} }, 'themed.html');
  await expect(light.root).toHaveAttribute('data-theme', 'light');
  await expect(dark.root).toHaveAttribute('data-theme', 'dark');

  expect(await light.computedStyle('[data-testid="talk-card"]', ['border-top-color', 'border-top-left-radius'])).toEqual({
    'border-top-color': 'rgb(0, 122, 94)',
    'border-top-left-radius': '0px',
  });
  expect(await light.computedStyle('.recap-viewer', ['font-family', 'font-size'])).toEqual({
    'font-family': 'Georgia, serif',
    'font-size': '20px',
  });
  // Sizes follow the viewer's base size: the card title is 1.2 of it.
  expect((await light.computedStyle('[data-testid="talk-title"]', ['font-size']))['font-size']).toBe('24px');
  expect((await light.computedStyle('[data-testid="talk-track"]', ['background-color']))['background-color']).toBe('rgb(220, 245, 236)');

  // The dark viewer takes the dark variables; what the portal left alone keeps our palette.
  expect(await dark.computedStyle('[data-testid="talk-card"]', ['border-top-color', 'background-color'])).toEqual({
    'border-top-color': 'rgb(255, 176, 32)',
    'background-color': 'rgb(30, 46, 40)',
  });
  expect((await dark.computedStyle('.recap-viewer', ['background-color']))['background-color']).toBe('rgb(20, 32, 28)');
  expect((await dark.computedStyle('.recap-viewer', ['color']))['color']).toBe('rgb(232, 234, 242)');
});
