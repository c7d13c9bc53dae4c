/** How every browser test, screenshot and render benchmark of the repository starts Chromium (see `chromium.mjs`). */
export declare const chromiumLaunchOptions: { executablePath: string; args: string[] };
