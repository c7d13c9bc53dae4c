declare module 'virtual:kpikit-first-screen' {
  /** The sample's first screen the build computed (see `build/firstScreenPlugin.ts`); `null` on the dev server. */
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative one
  const firstScreen: import('./firstScreen').FirstScreen | null;
  export default firstScreen;
}
