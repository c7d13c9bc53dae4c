import { darkTheme, darkTokens, KpikitProvider, lightTheme, lightTokens, tokenVariable, type ThemeTokenName } from '@kpikit/react';
import { useCallback, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { Dashboard } from './components/Dashboard';
import { DataPanel } from './components/DataPanel';
import { FiltersBar } from './components/FiltersBar';
import { Select } from './components/Field';
import { StatusBar } from './components/StatusBar';
import { DEFAULT_COMPUTE_CONTROLS, DEFAULT_VIEW_CONTROLS, LOCALES, type ComputeControls, type ViewControls } from './dashboard/controls';
import { stringsFor } from './i18n/strings';
import { useDashboard } from './useDashboard';

const LOCALE_NAMES: Record<(typeof LOCALES)[number], string> = { en: 'English', fr: 'Français', 'zh-TW': '繁體中文' };

/** The page reads the widgets' own tokens, so page and widgets change theme together. */
const PAGE_TOKENS: readonly ThemeTokenName[] = ['surface', 'surfaceMuted', 'border', 'text', 'textMuted', 'accent', 'negative'];

function pageStyle(theme: ViewControls['theme']): CSSProperties {
  const tokens = theme === 'dark' ? darkTokens : lightTokens;
  return Object.fromEntries(PAGE_TOKENS.map((name) => [tokenVariable(name), tokens[name]]));
}

function initialTheme(): ViewControls['theme'] {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The admin screen: header, data source, filters and the dashboard, all computed in a worker. */
export function App(): ReactNode {
  const [controls, setControls] = useState<ComputeControls>(DEFAULT_COMPUTE_CONTROLS);
  const [view, setView] = useState<ViewControls>(() => ({ ...DEFAULT_VIEW_CONTROLS, theme: initialTheme() }));
  const { state, loadFile, loadSample } = useDashboard(controls, setControls);
  const t = stringsFor(view.locale);
  const onControls = useCallback((change: Partial<ComputeControls>) => {
    setControls((c) => ({ ...c, ...change }));
  }, []);
  const onView = useCallback((change: Partial<ViewControls>) => {
    setView((v) => ({ ...v, ...change }));
  }, []);
  const number = useMemo(() => new Intl.NumberFormat(view.locale), [view.locale]);

  useEffect(() => {
    document.documentElement.lang = view.locale;
    document.documentElement.dataset['theme'] = view.theme;
    document.documentElement.style.colorScheme = view.theme;
  }, [view.locale, view.theme]);

  return (
    <KpikitProvider locale={view.locale} theme={view.theme === 'dark' ? darkTheme : lightTheme}>
      <div className="demo" style={pageStyle(view.theme)} data-theme={view.theme}>
        <a className="demo-skip" href="#dashboard">
          {t.skipToContent}
        </a>
        <header className="demo-header">
          <div className="demo-header__brand">
            <span className="demo-header__logo" aria-hidden="true">
              ◆
            </span>
            <span>{t.product}</span>
          </div>
          <StatusBar state={state} t={t} locale={view.locale} />
          <div className="demo-header__prefs">
            <Select
              name="locale"
              label={t.language}
              value={view.locale}
              options={LOCALES}
              optionLabel={(locale) => LOCALE_NAMES[locale]}
              onChange={(locale) => {
                onView({ locale });
              }}
            />
            <Select
              name="theme"
              label={t.theme}
              value={view.theme}
              options={['light', 'dark'] as const}
              optionLabel={(theme) => t.themes[theme]}
              onChange={(theme) => {
                onView({ theme });
              }}
            />
          </div>
        </header>
        <div className="demo-body">
          <aside className="demo-sidebar">
            <DataPanel
              summary={state.summary}
              pending={state.pending}
              busy={state.busy}
              onFile={loadFile}
              onSample={loadSample}
              format={(n) => number.format(n)}
              locale={view.locale}
              t={t}
            />
            <FiltersBar
              controls={controls}
              onControls={onControls}
              view={view}
              onView={onView}
              range={state.model?.range ?? null}
              eventNames={state.summary?.eventNames.map((entry) => entry.name) ?? []}
              accounts={state.summary?.accountProperty ?? null}
              t={t}
            />
          </aside>
          <main
            id="dashboard"
            className="demo-main"
            tabIndex={-1}
            aria-busy={state.busy}
            data-ready={state.model !== null && !state.busy ? '' : undefined}
          >
            <h1 className="demo-title">{t.title}</h1>
            <Dashboard model={state.shown} controls={controls} view={view} onView={onView} t={t} />
          </main>
        </div>
      </div>
    </KpikitProvider>
  );
}
