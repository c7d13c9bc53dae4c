import type { CatalogueOf, PluralMessage, WidgetCatalogue } from '../format/messages';

/** The stickiness histogram's English strings: only a bundle with the histogram carries them. */
export const enStickinessHistogram = {
  'stickinessHistogram.title': 'Stickiness',
  'stickinessHistogram.range': '{from} – {to}',
  'stickinessHistogram.interval.day': { one: 'day', other: 'days' } satisfies PluralMessage,
  'stickinessHistogram.interval.week': { one: 'week', other: 'weeks' } satisfies PluralMessage,
  'stickinessHistogram.interval.month': { one: 'month', other: 'months' } satisfies PluralMessage,
  'stickinessHistogram.mean': { one: '{interval} active on average', other: '{interval} active on average' } satisfies PluralMessage,
  'stickinessHistogram.of': {
    one: 'of {count} {noun} active at least once in {intervals}',
    other: 'of {count} {noun} active at least once in {intervals}',
  } satisfies PluralMessage,
  'stickinessHistogram.meanMark': 'Mean {value}',
  'stickinessHistogram.mode': 'Bars show',
  'stickinessHistogram.mode.exactly': 'Exactly k',
  'stickinessHistogram.mode.atLeast': 'At least k',
  'stickinessHistogram.readout.title': {
    one: 'Active {k} of {n} {interval}',
    other: 'Active {k} of {n} {interval}',
  } satisfies PluralMessage,
  'stickinessHistogram.readout.exactly': {
    one: '{count} {noun} in exactly {k} ({share})',
    other: '{count} {noun} in exactly {k} ({share})',
  } satisfies PluralMessage,
  'stickinessHistogram.readout.atLeast': {
    one: '{count} {noun} in {k} or more ({share})',
    other: '{count} {noun} in {k} or more ({share})',
  } satisfies PluralMessage,
  'stickinessHistogram.axis': 'Intervals active',
  'stickinessHistogram.note.incomplete': 'The range cuts its first or last {interval}: only the days inside the range count.',
  'stickinessHistogram.hint': 'Arrow keys move between bars; Home and End go to the first and last.',
  'stickinessHistogram.description':
    '{title}: {count} {noun} active at least once in {intervals}; {mean}. Most were active in {mode} ({modeShare}). {incomplete}',
  'stickinessHistogram.empty': 'No activity in this period',
  'stickinessHistogram.emptyHint': 'Stickiness counts units with an event in the range.',
  'stickinessHistogram.emptyDescription': '{title}: no activity in this period.',
  'stickinessHistogram.table': 'Units by number of intervals active',
  'stickinessHistogram.table.k': 'Intervals active',
  'stickinessHistogram.table.exactly': 'Exactly',
  'stickinessHistogram.table.share': 'Share',
  'stickinessHistogram.table.atLeast': 'At least',
  'stickinessHistogram.table.atLeastShare': 'Share at least',
} as const;

/** The stickiness histogram's strings. */
export type StickinessHistogramMessages = CatalogueOf<typeof enStickinessHistogram>;

const frStickinessHistogram: StickinessHistogramMessages = {
  'stickinessHistogram.title': 'Rétention d’usage',
  'stickinessHistogram.range': '{from} – {to}',
  'stickinessHistogram.interval.day': { one: 'jour', other: 'jours' },
  'stickinessHistogram.interval.week': { one: 'semaine', other: 'semaines' },
  'stickinessHistogram.interval.month': { one: 'mois', other: 'mois' },
  'stickinessHistogram.mean': { one: '{interval} d’activité en moyenne', other: '{interval} d’activité en moyenne' },
  'stickinessHistogram.of': {
    one: 'sur {count} {noun} actif au moins une fois en {intervals}',
    other: 'sur {count} {noun} actifs au moins une fois en {intervals}',
  },
  'stickinessHistogram.meanMark': 'Moyenne {value}',
  'stickinessHistogram.mode': 'Les barres comptent',
  'stickinessHistogram.mode.exactly': 'Exactement k',
  'stickinessHistogram.mode.atLeast': 'Au moins k',
  'stickinessHistogram.readout.title': { one: 'Actifs {k} {intervalK} sur {n}', other: 'Actifs {k} {intervalK} sur {n}' },
  'stickinessHistogram.readout.exactly': {
    one: '{count} {noun} en exactement {k} ({share})',
    other: '{count} {noun} en exactement {k} ({share})',
  },
  'stickinessHistogram.readout.atLeast': {
    one: '{count} {noun} en {k} ou plus ({share})',
    other: '{count} {noun} en {k} ou plus ({share})',
  },
  'stickinessHistogram.axis': 'Intervalles d’activité',
  'stickinessHistogram.note.incomplete':
    'La période coupe son premier ou son dernier intervalle ({interval}) : seuls les jours de la période comptent.',
  'stickinessHistogram.hint': 'Les flèches passent d’une barre à l’autre ; Début et Fin vont à la première et à la dernière.',
  'stickinessHistogram.description':
    '{title} : {count} {noun} actifs au moins une fois en {intervals} ; {mean}. La plupart l’ont été en {mode} ({modeShare}). {incomplete}',
  'stickinessHistogram.empty': 'Aucune activité sur cette période',
  'stickinessHistogram.emptyHint': 'La rétention d’usage compte les unités ayant un événement dans la période.',
  'stickinessHistogram.emptyDescription': '{title} : aucune activité sur cette période.',
  'stickinessHistogram.table': 'Unités par nombre d’intervalles d’activité',
  'stickinessHistogram.table.k': 'Intervalles actifs',
  'stickinessHistogram.table.exactly': 'Exactement',
  'stickinessHistogram.table.share': 'Part',
  'stickinessHistogram.table.atLeast': 'Au moins',
  'stickinessHistogram.table.atLeastShare': 'Part au moins',
};

const zhTWStickinessHistogram: StickinessHistogramMessages = {
  'stickinessHistogram.title': '黏著度',
  'stickinessHistogram.range': '{from} – {to}',
  'stickinessHistogram.interval.day': { other: '天' },
  'stickinessHistogram.interval.week': { other: '週' },
  'stickinessHistogram.interval.month': { other: '個月' },
  'stickinessHistogram.mean': { other: '平均活躍{interval}數' },
  'stickinessHistogram.of': { other: '{intervals}內至少活躍一次的 {count} {measure}{noun}' },
  'stickinessHistogram.meanMark': '平均 {value}',
  'stickinessHistogram.mode': '長條顯示',
  'stickinessHistogram.mode.exactly': '恰好 k',
  'stickinessHistogram.mode.atLeast': '至少 k',
  'stickinessHistogram.readout.title': { other: '{n} {interval}中活躍 {k} {interval}' },
  'stickinessHistogram.readout.exactly': { other: '恰好 {k}：{count} {measure}{noun}（{share}）' },
  'stickinessHistogram.readout.atLeast': { other: '{k} 以上：{count} {measure}{noun}（{share}）' },
  'stickinessHistogram.axis': '活躍區間數',
  'stickinessHistogram.note.incomplete': '範圍截斷了第一個或最後一個{interval}：只計入範圍內的天數。',
  'stickinessHistogram.hint': '方向鍵在長條間移動；Home 與 End 前往第一個與最後一個。',
  'stickinessHistogram.description':
    '{title}：{intervals}內至少活躍一次的{noun}共 {count} {measure}；{mean}。最多的是活躍 {mode}（{modeShare}）。{incomplete}',
  'stickinessHistogram.empty': '此期間沒有活動',
  'stickinessHistogram.emptyHint': '黏著度計算範圍內有事件的單位。',
  'stickinessHistogram.emptyDescription': '{title}：此期間沒有活動。',
  'stickinessHistogram.table': '依活躍區間數統計的單位',
  'stickinessHistogram.table.k': '活躍區間數',
  'stickinessHistogram.table.exactly': '恰好',
  'stickinessHistogram.table.share': '占比',
  'stickinessHistogram.table.atLeast': '至少',
  'stickinessHistogram.table.atLeastShare': '至少占比',
};

/** The histogram's strings in each built-in locale, which only its bundle carries. */
export const stickinessHistogramCatalogue: WidgetCatalogue<StickinessHistogramMessages> = {
  en: enStickinessHistogram,
  fr: frStickinessHistogram,
  'zh-TW': zhTWStickinessHistogram,
};
