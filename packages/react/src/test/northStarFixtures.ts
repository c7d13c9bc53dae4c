import { generateSampleData, northStarTree, type NorthStarNodeDefinition, type NorthStarTreeResult } from '@kpikit/core';

/** The sample product's tree: weekly active paying accounts from sign-ups, activation, conversion and retention. */
export const sampleTree: NorthStarTreeResult = northStarTree(generateSampleData({ seed: 7, users: 1500, days: 120 }).northStar);

/** A small revenue tree: revenue = customers × revenue per customer; customers = new + retained. */
export const revenueTree: NorthStarTreeResult = northStarTree({
  nodes: [
    { id: 'revenue', label: 'Revenue', formula: 'product', children: ['customers', 'arpu'], unit: 'EUR', target: 12_000 },
    { id: 'customers', label: 'Paying customers', formula: 'sum', children: ['new', 'retained'], unit: 'customers' },
    { id: 'new', label: 'New customers', value: 40, previous: 30, unit: 'customers' },
    { id: 'retained', label: 'Retained customers', value: 160, previous: 150, unit: 'customers' },
    { id: 'arpu', label: 'Revenue per customer', value: 50, previous: 52, unit: 'EUR', target: 55 },
  ],
});

let large: NorthStarTreeResult | undefined;

/** 204 metrics: a root summing 7 regions, each summing 7 teams, each a product of 3 leaves. */
export function largeTree(): NorthStarTreeResult {
  if (large) return large;
  const nodes: NorthStarNodeDefinition[] = [];
  const regions = Array.from({ length: 7 }, (_, r) => `r${r}`);
  nodes.push({ id: 'root', label: 'Weekly active accounts', formula: 'sum', children: regions, unit: 'accounts' });
  regions.forEach((region, r) => {
    const teams = Array.from({ length: 7 }, (_, t) => `${region}t${t}`);
    nodes.push({ id: region, label: `Region ${r + 1}`, formula: 'sum', children: teams, unit: 'accounts' });
    teams.forEach((team, t) => {
      const leaves = [`${team}a`, `${team}b`, `${team}c`];
      nodes.push({ id: team, label: `Team ${r + 1}.${t + 1}`, formula: 'product', children: leaves, unit: 'accounts' });
      nodes.push({ id: leaves[0]!, label: 'Sign-ups', value: 20 + ((r * 7 + t) % 13), previous: 20, unit: 'accounts' });
      nodes.push({ id: leaves[1]!, label: 'Activation', value: 0.4 + ((r + t) % 5) / 50, previous: 0.42, unit: 'ratio' });
      nodes.push({ id: leaves[2]!, label: 'Retention', value: 0.6 + ((r * t) % 7) / 50, previous: 0.6, unit: 'ratio' });
    });
  });
  large = northStarTree({ nodes });
  return large;
}

/** Labels longer than two lines of a card, as a host names its metrics in each of the three catalogue locales. */
const longLabels = {
  en: {
    revenue: 'Monthly recurring revenue from every plan and region, before taxes and refunds',
    customers: 'Paying customers at the end of the month',
    new: 'New paying customers who converted from a free trial this month',
    retained: 'Retained customers',
    arpu: 'Average revenue per paying customer, after discounts',
  },
  fr: {
    revenue: 'Revenu récurrent mensuel de toutes les offres et régions, hors taxes et remboursements',
    customers: 'Clients payants à la fin du mois',
    new: 'Nouveaux clients payants issus d’un essai gratuit ce mois-ci',
    retained: 'Clients conservés',
    arpu: 'Revenu moyen par client payant, remises déduites',
  },
  'zh-TW': {
    revenue: '所有方案與所有地區的每月經常性營收總計，未稅且未扣除退款與折讓',
    customers: '月底的付費客戶數',
    new: '本月由免費試用轉換而來的新付費客戶，不含重新啟用的帳戶',
    retained: '留存客戶',
    arpu: '每位付費客戶的平均營收（已扣除折扣）',
  },
} as const;

/** The revenue tree with long labels in `locale`: the root's and the new customers' labels take more than two lines of a card. */
export function longLabelTree(locale: keyof typeof longLabels = 'en'): NorthStarTreeResult {
  const label = longLabels[locale];
  return northStarTree({
    nodes: [
      { id: 'revenue', label: label.revenue, formula: 'product', children: ['customers', 'arpu'], unit: 'EUR', target: 12_000 },
      { id: 'customers', label: label.customers, formula: 'sum', children: ['new', 'retained'] },
      { id: 'new', label: label.new, value: 40, previous: 30 },
      { id: 'retained', label: label.retained, value: 160, previous: 150 },
      { id: 'arpu', label: label.arpu, value: 50, previous: 52, unit: 'EUR', target: 55 },
    ],
  });
}
