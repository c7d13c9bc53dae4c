/**
 * How every browser test, screenshot and render benchmark of the repository
 * starts Chromium: Debian's build (`apt-get install chromium`, or the one at
 * `CHROMIUM_PATH`), never a browser downloaded by a tool, headless, and
 * without the background connections a closed network refuses (running as
 * root, as CI does, needs `--no-sandbox`).
 */
export const chromiumLaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
