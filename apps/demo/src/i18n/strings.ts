import type { DemoLocale } from '../dashboard/controls';

/** The page's own words (the widgets bring theirs). `{name}` marks a value. */
export interface DemoStrings {
  readonly product: string;
  readonly title: string;
  readonly skipToContent: string;
  readonly filters: string;
  readonly dateRange: string;
  readonly presets: Readonly<Record<'last7' | 'last30' | 'last90' | 'all' | 'custom', string>>;
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly retentionPeriod: string;
  readonly periods: Readonly<Record<'day' | 'week' | 'month', string>>;
  readonly retentionMode: string;
  readonly lifecyclePeriod: string;
  /** The unit switch, shown when the data names accounts. */
  readonly unit: string;
  readonly unitHint: string;
  readonly units: Readonly<Record<'user' | 'account', string>>;
  readonly modes: Readonly<Record<'exact' | 'unbounded', string>>;
  readonly funnelOrder: string;
  readonly orders: Readonly<Record<'ordered' | 'strict' | 'any', string>>;
  readonly funnelWindow: string;
  readonly days: string;
  /** `days` for one day. */
  readonly day: string;
  readonly funnelSteps: string;
  readonly funnelStepsHint: string;
  readonly eventsInData: string;
  readonly language: string;
  readonly theme: string;
  readonly themes: Readonly<Record<'light' | 'dark', string>>;
  readonly data: string;
  readonly useSample: string;
  readonly chooseFile: string;
  readonly dropHint: string;
  readonly fileFormat: string;
  readonly dataSummary: string;
  /** The built-in data set's name. */
  readonly sampleName: string;
  readonly duplicates: string;
  readonly rejected: string;
  readonly issueLine: string;
  readonly computedIn: string;
  /** The sample's first screen, computed when the demo was built. */
  readonly computedAtBuild: string;
  readonly loadedIn: string;
  readonly phases: Readonly<Record<'generating' | 'reading' | 'indexing' | 'computing', string>>;
  readonly range: string;
  readonly comparedWith: string;
  readonly noComparison: string;
  readonly sections: Readonly<Record<'revenue' | 'customers' | 'engagement' | 'growth', string>>;
  readonly kpi: Readonly<
    Record<
      'mrr' | 'arpu' | 'churn' | 'clv' | 'cac' | 'csat' | 'activation' | 'sessionsPerUser',
      { readonly label: string; readonly caption: string }
    >
  >;
  readonly newCustomers: string;
  readonly spend: string;
  readonly ltvToCac: string;
  readonly noRevenue: string;
  readonly noSurveys: string;
  readonly noActivation: string;
  readonly noTree: string;
  /** Attribution and activation candidates without `signup` events. */
  readonly noSignups: string;
  readonly funnelTitle: string;
  readonly funnelNeedsSteps: string;
  readonly sampleSteps: readonly string[];
  readonly retentionTitle: Readonly<Record<'day' | 'week' | 'month', string>>;
  readonly lifecycleTitle: Readonly<Record<'day' | 'week' | 'month', string>>;
  /** The days-active histogram's title, for a window of one day and of `{n}` days. */
  readonly daysActiveTitle: { readonly one: string; readonly other: string };
  /** The sample's North Star nodes, by id, and units; absent entries keep the data's own words. */
  readonly northStarLabels: Readonly<Record<string, string>>;
  readonly northStarUnits: Readonly<Record<string, string>>;
}

const en: DemoStrings = {
  product: 'Acme Analytics',
  title: 'Product health',
  skipToContent: 'Skip to the dashboard',
  filters: 'Filters',
  dateRange: 'Date range',
  presets: { last7: 'Last 7 days', last30: 'Last 30 days', last90: 'Last 90 days', all: 'All data', custom: 'Custom' },
  from: 'From',
  to: 'To',
  timeZone: 'Time zone',
  retentionPeriod: 'Cohorts by',
  periods: { day: 'Day', week: 'Week', month: 'Month' },
  unit: 'Count',
  unitHint: 'Stickiness, lifecycle, days active, funnel and retention.',
  units: { user: 'Users', account: 'Accounts' },
  retentionMode: 'Retention',
  lifecyclePeriod: 'Lifecycle by',
  modes: { exact: 'Exact', unbounded: 'Unbounded' },
  funnelOrder: 'Funnel order',
  orders: { ordered: 'Ordered', strict: 'Strict', any: 'Any order' },
  funnelWindow: 'Funnel window',
  days: '{n} days',
  day: '{n} day',
  funnelSteps: 'Funnel steps',
  funnelStepsHint: 'Event names, separated by commas.',
  eventsInData: 'Most frequent: {names}.',
  language: 'Language',
  theme: 'Theme',
  themes: { light: 'Light', dark: 'Dark' },
  data: 'Data',
  useSample: 'Use sample data',
  chooseFile: 'Load an events file',
  dropHint: 'or drop it here',
  fileFormat:
    'CSV, JSON lines or Parquet: an export of Segment, PostHog, Amplitude or Mixpanel, or any file with user, event and time columns (other columns become properties). The format is detected; you can change how it is read.',
  dataSummary: '{events} events from {users} users',
  sampleName: 'Sample SaaS, seed {seed}',
  duplicates: '{n} exact duplicates counted once',
  rejected: '{n} rows could not be read and were left out. The first ones:',
  issueLine: 'Line {line}, {field}: {message}',
  computedIn: 'Computed in {ms}',
  computedAtBuild: 'Computed when the demo was built',
  loadedIn: 'data loaded in {ms}',
  phases: {
    generating: 'Generating sample data…',
    reading: 'Reading the file…',
    indexing: 'Indexing events…',
    computing: 'Computing metrics…',
  },
  range: '{from} – {to}, {zone}',
  comparedWith: 'Changes compare with {from} – {to}.',
  noComparison: 'The data does not reach back far enough for a comparison.',
  sections: { revenue: 'Revenue', customers: 'Customers', engagement: 'Engagement', growth: 'Growth' },
  kpi: {
    mrr: { label: 'Monthly recurring revenue', caption: 'At the close of the last day.' },
    arpu: { label: 'Average revenue per customer', caption: 'MRR ÷ paying customers.' },
    churn: { label: 'Customer churn', caption: 'Customers lost ÷ customers at the start of each month in the range.' },
    clv: { label: 'Customer lifetime value', caption: 'ARPU ÷ monthly churn.' },
    cac: { label: 'Customer acquisition cost', caption: 'Marketing spend ÷ new customers (spend assumed: {spend} a month).' },
    csat: { label: 'Customer satisfaction', caption: 'Answers of 4 or 5 out of 5.' },
    activation: { label: 'Activation rate', caption: 'Sign-ups who activate within 7 days.' },
    sessionsPerUser: { label: 'Sessions per user', caption: 'Sessions end after 30 minutes without events.' },
  },
  newCustomers: 'New customers',
  spend: 'Spend',
  ltvToCac: 'LTV : CAC',
  noRevenue: 'This data has no subscriptions.',
  noSurveys: 'This data has no survey answers.',
  noActivation: 'This data has no signup and activate events.',
  noTree: 'This data has no North Star tree.',
  noSignups: 'This data has no signup events.',
  funnelTitle: 'Trial conversion',
  funnelNeedsSteps: 'Name at least two events for the funnel.',
  sampleSteps: ['Visited pricing', 'Started a trial', 'Used a feature (PQL)', 'Paid'],
  retentionTitle: { day: 'Retention by signup day', week: 'Retention by signup week', month: 'Retention by signup month' },
  lifecycleTitle: { day: 'Lifecycle by day', week: 'Lifecycle by week', month: 'Lifecycle by month' },
  daysActiveTitle: { one: 'Days active on the last day', other: 'Days active in the last {n} days' },
  northStarLabels: {},
  northStarUnits: {},
};

const fr: DemoStrings = {
  product: 'Acme Analytics',
  title: 'Santé du produit',
  skipToContent: 'Aller au tableau de bord',
  filters: 'Filtres',
  dateRange: 'Période',
  presets: {
    last7: '7 derniers jours',
    last30: '30 derniers jours',
    last90: '90 derniers jours',
    all: 'Toutes les données',
    custom: 'Personnalisée',
  },
  from: 'Du',
  to: 'Au',
  timeZone: 'Fuseau horaire',
  retentionPeriod: 'Cohortes par',
  periods: { day: 'Jour', week: 'Semaine', month: 'Mois' },
  unit: 'Compter',
  unitHint: 'Engagement, cycle de vie, jours d’activité, entonnoir et rétention.',
  units: { user: 'Les utilisateurs', account: 'Les comptes' },
  retentionMode: 'Rétention',
  lifecyclePeriod: 'Cycle de vie par',
  modes: { exact: 'Exacte', unbounded: 'Non bornée' },
  funnelOrder: 'Ordre du tunnel',
  orders: { ordered: 'Ordonné', strict: 'Strict', any: 'Tout ordre' },
  funnelWindow: 'Fenêtre du tunnel',
  days: '{n} jours',
  day: '{n} jour',
  funnelSteps: 'Étapes du tunnel',
  funnelStepsHint: 'Noms d’événements, séparés par des virgules.',
  eventsInData: 'Les plus fréquents : {names}.',
  language: 'Langue',
  theme: 'Thème',
  themes: { light: 'Clair', dark: 'Sombre' },
  data: 'Données',
  useSample: 'Données d’exemple',
  chooseFile: 'Charger un fichier d’événements',
  dropHint: 'ou le déposer ici',
  fileFormat:
    'CSV, JSON lines ou Parquet : un export Segment, PostHog, Amplitude ou Mixpanel, ou tout fichier avec des colonnes utilisateur, événement et heure (les autres deviennent des propriétés). Le format est détecté ; sa lecture se règle.',
  dataSummary: '{events} événements de {users} utilisateurs',
  sampleName: 'SaaS d’exemple, graine {seed}',
  duplicates: '{n} doublons exacts comptés une fois',
  rejected: '{n} lignes illisibles ont été écartées. Les premières :',
  issueLine: 'Ligne {line}, {field} : {message}',
  computedIn: 'Calculé en {ms}',
  computedAtBuild: 'Calculé à la construction de la démo',
  loadedIn: 'données chargées en {ms}',
  phases: {
    generating: 'Génération des données d’exemple…',
    reading: 'Lecture du fichier…',
    indexing: 'Indexation des événements…',
    computing: 'Calcul des indicateurs…',
  },
  range: 'Du {from} au {to}, {zone}',
  comparedWith: 'Évolutions par rapport à la période du {from} au {to}.',
  noComparison: 'Les données ne remontent pas assez loin pour une comparaison.',
  sections: { revenue: 'Revenus', customers: 'Clients', engagement: 'Engagement', growth: 'Croissance' },
  kpi: {
    mrr: { label: 'Revenu mensuel récurrent', caption: 'À la clôture du dernier jour.' },
    arpu: { label: 'Revenu moyen par client', caption: 'MRR ÷ clients payants.' },
    churn: { label: 'Attrition des clients', caption: 'Clients perdus ÷ clients en début de chaque mois de la période.' },
    clv: { label: 'Valeur vie client', caption: 'ARPU ÷ attrition mensuelle.' },
    cac: { label: 'Coût d’acquisition client', caption: 'Dépenses marketing ÷ nouveaux clients (dépenses supposées : {spend} par mois).' },
    csat: { label: 'Satisfaction client', caption: 'Réponses de 4 ou 5 sur 5.' },
    activation: { label: 'Taux d’activation', caption: 'Inscrits qui s’activent sous 7 jours.' },
    sessionsPerUser: { label: 'Sessions par utilisateur', caption: 'Une session se termine après 30 minutes sans événement.' },
  },
  newCustomers: 'Nouveaux clients',
  spend: 'Dépenses',
  ltvToCac: 'LTV : CAC',
  noRevenue: 'Ces données n’ont pas d’abonnements.',
  noSurveys: 'Ces données n’ont pas de réponses d’enquête.',
  noActivation: 'Ces données n’ont pas d’événements signup et activate.',
  noTree: 'Ces données n’ont pas d’arbre North Star.',
  noSignups: 'Ces données n’ont pas d’événement signup.',
  funnelTitle: 'Conversion des essais',
  funnelNeedsSteps: 'Indiquez au moins deux événements pour le tunnel.',
  sampleSteps: ['A vu les tarifs', 'A commencé un essai', 'A utilisé une fonction (PQL)', 'A payé'],
  retentionTitle: {
    day: 'Rétention par jour d’inscription',
    week: 'Rétention par semaine d’inscription',
    month: 'Rétention par mois d’inscription',
  },
  lifecycleTitle: { day: 'Cycle de vie par jour', week: 'Cycle de vie par semaine', month: 'Cycle de vie par mois' },
  daysActiveTitle: { one: 'Jours d’activité le dernier jour', other: 'Jours d’activité sur les {n} derniers jours' },
  northStarLabels: {
    weeklyActivePayingAccounts: 'Comptes payants actifs par semaine',
    newPayingAccounts: 'Nouveaux comptes payants',
    weeklySignups: 'Inscriptions',
    activationRate: 'Activations par inscription',
    paidConversion: 'Nouveaux comptes payants par activation',
    retainedPayingAccounts: 'Comptes payants conservés',
    lastWeekPayingAccounts: 'Comptes payants actifs la semaine précédente',
    weeklyRetention: 'Rétention d’une semaine à l’autre',
    reactivatedPayingAccounts: 'Comptes payants réactivés',
  },
  northStarUnits: { accounts: 'comptes' },
};

const zhTW: DemoStrings = {
  product: 'Acme Analytics',
  title: '產品健康度',
  skipToContent: '跳至儀表板',
  filters: '篩選',
  dateRange: '日期範圍',
  presets: { last7: '過去 7 天', last30: '過去 30 天', last90: '過去 90 天', all: '全部資料', custom: '自訂' },
  from: '起',
  to: '迄',
  timeZone: '時區',
  retentionPeriod: '同期群單位',
  periods: { day: '日', week: '週', month: '月' },
  unit: '計算對象',
  unitHint: '黏著度、生命週期、活躍天數、漏斗與留存率。',
  units: { user: '使用者', account: '帳戶' },
  retentionMode: '留存',
  lifecyclePeriod: '生命週期單位',
  modes: { exact: '精確', unbounded: '無界' },
  funnelOrder: '漏斗順序',
  orders: { ordered: '依序', strict: '嚴格', any: '任意順序' },
  funnelWindow: '漏斗時間窗',
  days: '{n} 天',
  day: '{n} 天',
  funnelSteps: '漏斗步驟',
  funnelStepsHint: '事件名稱，以逗號分隔。',
  eventsInData: '最常見：{names}。',
  language: '語言',
  theme: '主題',
  themes: { light: '淺色', dark: '深色' },
  data: '資料',
  useSample: '使用範例資料',
  chooseFile: '載入事件檔案',
  dropHint: '或拖放至此',
  fileFormat:
    'CSV、JSON lines 或 Parquet：Segment、PostHog、Amplitude 或 Mixpanel 的匯出，或任何含使用者、事件與時間欄位的檔案（其他欄位成為屬性）。格式會自動偵測，讀取方式可調整。',
  dataSummary: '{users} 位使用者的 {events} 筆事件',
  sampleName: '範例 SaaS，隨機種子 {seed}',
  duplicates: '{n} 筆完全重複的事件只計一次',
  rejected: '{n} 列無法讀取，已略過。前幾列：',
  issueLine: '第 {line} 行，{field}：{message}',
  computedIn: '計算耗時 {ms}',
  computedAtBuild: '於建置示範時計算',
  loadedIn: '資料載入耗時 {ms}',
  phases: { generating: '正在產生範例資料…', reading: '正在讀取檔案…', indexing: '正在建立事件索引…', computing: '正在計算指標…' },
  range: '{from} – {to}，{zone}',
  comparedWith: '變化與 {from} – {to} 比較。',
  noComparison: '資料時間不足，無法比較。',
  sections: { revenue: '營收', customers: '客戶', engagement: '參與度', growth: '成長' },
  kpi: {
    mrr: { label: '每月經常性收入', caption: '以最後一天結束時計。' },
    arpu: { label: '每位客戶平均營收', caption: 'MRR ÷ 付費客戶數。' },
    churn: { label: '客戶流失率', caption: '流失客戶 ÷ 範圍內各月月初客戶數。' },
    clv: { label: '客戶終身價值', caption: 'ARPU ÷ 每月流失率。' },
    cac: { label: '客戶取得成本', caption: '行銷支出 ÷ 新客戶數（假設每月支出 {spend}）。' },
    csat: { label: '客戶滿意度', caption: '5 分制中給 4 或 5 分的回答。' },
    activation: { label: '啟用率', caption: '註冊後 7 天內啟用的使用者。' },
    sessionsPerUser: { label: '每位使用者工作階段數', caption: '30 分鐘無事件即結束工作階段。' },
  },
  newCustomers: '新客戶',
  spend: '支出',
  ltvToCac: 'LTV : CAC',
  noRevenue: '此資料沒有訂閱。',
  noSurveys: '此資料沒有問卷回覆。',
  noActivation: '此資料沒有 signup 與 activate 事件。',
  noTree: '此資料沒有北極星指標樹。',
  noSignups: '此資料沒有 signup 事件。',
  funnelTitle: '試用轉換',
  funnelNeedsSteps: '請至少指定兩個漏斗事件。',
  sampleSteps: ['瀏覽定價', '開始試用', '使用功能（PQL）', '付費'],
  retentionTitle: { day: '依註冊日的留存', week: '依註冊週的留存', month: '依註冊月的留存' },
  lifecycleTitle: { day: '每日生命週期', week: '每週生命週期', month: '每月生命週期' },
  daysActiveTitle: { one: '最後 1 天的活躍天數', other: '過去 {n} 天的活躍天數' },
  northStarLabels: {
    weeklyActivePayingAccounts: '每週活躍付費帳戶',
    newPayingAccounts: '新付費帳戶',
    weeklySignups: '註冊數',
    activationRate: '每次註冊的啟用數',
    paidConversion: '每次啟用的新付費帳戶',
    retainedPayingAccounts: '留存付費帳戶',
    lastWeekPayingAccounts: '前一週活躍付費帳戶',
    weeklyRetention: '週留存率',
    reactivatedPayingAccounts: '重新啟用的付費帳戶',
  },
  northStarUnits: { accounts: '個帳戶' },
};

const STRINGS: Readonly<Record<DemoLocale, DemoStrings>> = { en, fr, 'zh-TW': zhTW };

/** The page's words in a locale. */
export function stringsFor(locale: DemoLocale): DemoStrings {
  return STRINGS[locale];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
