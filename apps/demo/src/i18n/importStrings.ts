import type { ImportFormat, TimeFormat } from '@kpikit/core';
import type { DemoLocale } from '../dashboard/controls';

/** The words of the file-import panel. `{name}` marks a value. */
export interface ImportStrings {
  readonly title: string;
  readonly formats: Readonly<Record<ImportFormat, string>>;
  readonly timeFormats: Readonly<Record<TimeFormat, string>>;
  readonly format: string;
  readonly detected: string;
  readonly chosen: string;
  readonly evidence: string;
  readonly rows: string;
  readonly rowsDetail: string;
  readonly events: string;
  readonly users: string;
  readonly accounts: string;
  readonly accountsFrom: string;
  readonly range: string;
  readonly properties: string;
  readonly none: string;
  readonly times: string;
  readonly timesInZone: string;
  readonly zoneAssumed: string;
  readonly zoneChosen: string;
  readonly timesWithOffset: string;
  readonly dst: string;
  readonly settings: string;
  readonly userColumn: string;
  readonly anonymousColumn: string;
  readonly nameColumn: string;
  readonly timeColumn: string;
  readonly timeFormat: string;
  readonly accountColumn: string;
  readonly zone: string;
  readonly zoneHint: string;
  readonly noColumn: string;
  readonly importAgain: string;
  readonly confirmMissing: string;
  readonly confirmZone: string;
  readonly fields: Readonly<Record<'user' | 'name' | 'time', string>>;
}

const FORMAT_NAMES = { segment: 'Segment', posthog: 'PostHog', amplitude: 'Amplitude', mixpanel: 'Mixpanel' } as const;

const en: ImportStrings = {
  title: 'How the file was read',
  formats: { ...FORMAT_NAMES, generic: 'Columns by name' },
  timeFormats: {
    auto: 'epoch ms or ISO 8601 with an offset',
    'epoch-milliseconds': 'epoch milliseconds',
    'epoch-seconds': 'epoch seconds',
    iso: 'ISO 8601 with an offset',
    local: 'local date-time, no offset',
  },
  format: 'Format',
  detected: 'detected',
  chosen: 'chosen',
  evidence: 'Why: {evidence}',
  rows: 'Rows read',
  rowsDetail: '{skipped} skipped, {rejected} left out',
  events: 'Events',
  users: 'Users',
  accounts: 'Accounts',
  accountsFrom: '{n} from {field}',
  range: 'Time range',
  properties: 'Became properties',
  none: 'none',
  times: 'Times',
  timesInZone: '{field} ({format}), read in {zone}: {zoneNote}',
  zoneAssumed: 'assumed, as no zone was given',
  zoneChosen: 'as chosen',
  timesWithOffset: '{field} ({format}): each time carries its offset',
  dst: '{gaps} in a DST gap moved forward, {overlaps} repeated at a DST change read as the earlier',
  settings: 'Import settings',
  userColumn: 'User column',
  anonymousColumn: 'Anonymous id column (when no user)',
  nameColumn: 'Event name column',
  timeColumn: 'Time column',
  timeFormat: 'Times are',
  accountColumn: 'Account column',
  zone: 'Zone of times without an offset',
  zoneHint: 'UTC unless you choose another.',
  noColumn: '— none —',
  importAgain: 'Import with these settings',
  confirmMissing: 'No column was found for: {fields}. Choose them, then import.',
  confirmZone: 'Its times have no offset. Choose the zone they were written in, then import.',
  fields: { user: 'user', name: 'event name', time: 'time' },
};

const fr: ImportStrings = {
  title: 'Lecture du fichier',
  formats: { ...FORMAT_NAMES, generic: 'Colonnes par nom' },
  timeFormats: {
    auto: 'epoch ms ou ISO 8601 avec décalage',
    'epoch-milliseconds': 'epoch en millisecondes',
    'epoch-seconds': 'epoch en secondes',
    iso: 'ISO 8601 avec décalage',
    local: 'date et heure locales, sans décalage',
  },
  format: 'Format',
  detected: 'détecté',
  chosen: 'choisi',
  evidence: 'Indices : {evidence}',
  rows: 'Lignes lues',
  rowsDetail: '{skipped} ignorées, {rejected} écartées',
  events: 'Événements',
  users: 'Utilisateurs',
  accounts: 'Comptes',
  accountsFrom: '{n} d’après {field}',
  range: 'Période',
  properties: 'Devenues propriétés',
  none: 'aucune',
  times: 'Heures',
  timesInZone: '{field} ({format}), lues en {zone} : {zoneNote}',
  zoneAssumed: 'supposé, faute de fuseau indiqué',
  zoneChosen: 'choisi',
  timesWithOffset: '{field} ({format}) : chaque heure porte son décalage',
  dst: '{gaps} dans un saut d’heure avancées, {overlaps} répétées au changement d’heure lues comme la première',
  settings: 'Réglages d’import',
  userColumn: 'Colonne utilisateur',
  anonymousColumn: 'Colonne d’id anonyme (sans utilisateur)',
  nameColumn: 'Colonne du nom d’événement',
  timeColumn: 'Colonne de l’heure',
  timeFormat: 'Les heures sont en',
  accountColumn: 'Colonne du compte',
  zone: 'Fuseau des heures sans décalage',
  zoneHint: 'UTC sauf choix contraire.',
  noColumn: '— aucune —',
  importAgain: 'Importer avec ces réglages',
  confirmMissing: 'Aucune colonne trouvée pour : {fields}. Choisissez-les, puis importez.',
  confirmZone: 'Ses heures n’ont pas de décalage. Choisissez le fuseau où elles ont été écrites, puis importez.',
  fields: { user: 'utilisateur', name: 'nom d’événement', time: 'heure' },
};

const zhTW: ImportStrings = {
  title: '檔案的讀取方式',
  formats: { ...FORMAT_NAMES, generic: '依名稱對應欄位' },
  timeFormats: {
    auto: 'epoch 毫秒或含時差的 ISO 8601',
    'epoch-milliseconds': 'epoch 毫秒',
    'epoch-seconds': 'epoch 秒',
    iso: '含時差的 ISO 8601',
    local: '不含時差的當地日期時間',
  },
  format: '格式',
  detected: '自動偵測',
  chosen: '手動選擇',
  evidence: '依據：{evidence}',
  rows: '讀取列數',
  rowsDetail: '略過 {skipped} 列，排除 {rejected} 列',
  events: '事件',
  users: '使用者',
  accounts: '帳戶',
  accountsFrom: '{n} 個，取自 {field}',
  range: '時間範圍',
  properties: '轉為屬性的欄位',
  none: '無',
  times: '時間',
  timesInZone: '{field}（{format}），以 {zone} 讀取：{zoneNote}',
  zoneAssumed: '未指定時區，預設採用',
  zoneChosen: '依所選',
  timesWithOffset: '{field}（{format}）：每個時間都帶有時差',
  dst: '{gaps} 個落在日光節約跳過的時段（往後移），{overlaps} 個落在重複時段（取較早者）',
  settings: '匯入設定',
  userColumn: '使用者欄位',
  anonymousColumn: '匿名 ID 欄位（無使用者時）',
  nameColumn: '事件名稱欄位',
  timeColumn: '時間欄位',
  timeFormat: '時間格式',
  accountColumn: '帳戶欄位',
  zone: '不含時差之時間的時區',
  zoneHint: '未選擇時為 UTC。',
  noColumn: '— 無 —',
  importAgain: '以這些設定匯入',
  confirmMissing: '找不到以下欄位：{fields}。請選擇後再匯入。',
  confirmZone: '檔案中的時間不含時差。請選擇其書寫時所在的時區，再匯入。',
  fields: { user: '使用者', name: '事件名稱', time: '時間' },
};

const STRINGS: Readonly<Record<DemoLocale, ImportStrings>> = { en, fr, 'zh-TW': zhTW };

export function importStringsFor(locale: DemoLocale): ImportStrings {
  return STRINGS[locale];
}
